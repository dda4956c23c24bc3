// Lists the number and string literals of a JSON text with their JSON pointer and source offsets, so a
// script can rewrite one literal in place and keep the rest of the file byte for byte (the content
// mutation script perturbs one threshold at a time this way). Precision comes from the literal as
// written: `38.0` has one decimal even though JSON.parse reads it as 38.

/**
 * @typedef {object} JsonLiteral
 * @property {string} pointer - RFC 6901 JSON pointer of the value
 * @property {'number' | 'string'} kind
 * @property {number} start - offset of the first character of the literal (the quote for strings)
 * @property {number} end - offset just past the literal
 * @property {string} raw - the literal as written (strings without their quotes)
 */

/**
 * Scans a JSON text (which must be valid JSON) for its scalar literals.
 * @param {string} text - the JSON text
 * @returns {JsonLiteral[]} the number and string values (not the object keys), in document order
 */
export function jsonLiterals(text) {
  JSON.parse(text); // fail early and clearly on invalid JSON; the scanner below trusts the syntax
  const out = [];
  let i = 0;
  const ws = () => {
    while (/\s/.test(text[i] ?? '')) i += 1;
  };
  const readString = () => {
    const start = i;
    i += 1;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
    return { start, end: i, raw: JSON.parse(text.slice(start, i)) };
  };
  const escape = (key) => key.replaceAll('~', '~0').replaceAll('/', '~1');
  const value = (pointer) => {
    ws();
    const c = text[i];
    if (c === '{') {
      i += 1;
      ws();
      while (text[i] !== '}') {
        const key = readString().raw;
        ws();
        i += 1; // ':'
        value(`${pointer}/${escape(key)}`);
        ws();
        if (text[i] === ',') i += 1;
        ws();
      }
      i += 1;
    } else if (c === '[') {
      i += 1;
      ws();
      let n = 0;
      while (text[i] !== ']') {
        value(`${pointer}/${n}`);
        n += 1;
        ws();
        if (text[i] === ',') i += 1;
        ws();
      }
      i += 1;
    } else if (c === '"') {
      const s = readString();
      out.push({ pointer, kind: 'string', ...s });
    } else {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?|^true|^false|^null/.exec(text.slice(i));
      if (/^-?\d/.test(m[0])) {
        out.push({ pointer, kind: 'number', start: i, end: i + m[0].length, raw: m[0] });
      }
      i += m[0].length;
    }
  };
  value('');
  return out;
}
