import type { RxnormIndexFile } from '../rxnorm-index-file';

const SCHEMA = './rxnorm-index.schema.json';

/**
 * Writes an index as stable, diff-friendly JSON: one entry per line (a changed product is a one-line
 * diff), provenance indented, out-of-scope codes twenty to a line.
 * @param index - the index
 * @returns the file text, ending with a newline
 */
export function serializeRxnormIndex(index: RxnormIndexFile): string {
  const list = (items: readonly unknown[], perLine = 1): string => {
    if (items.length === 0) {
      return '[]';
    }
    const lines: string[] = [];
    for (let i = 0; i < items.length; i += perLine) {
      lines.push(
        items
          .slice(i, i + perLine)
          .map((item) => JSON.stringify(item))
          .join(', '),
      );
    }
    return `[\n    ${lines.join(',\n    ')}\n  ]`;
  };
  const provenance = JSON.stringify(index.provenance, null, 2).replace(/\n/g, '\n  ');
  return [
    '{',
    `  "$schema": ${JSON.stringify(SCHEMA)},`,
    `  "formatVersion": ${index.formatVersion},`,
    `  "provenance": ${provenance},`,
    `  "ingredients": ${list(index.ingredients)},`,
    `  "watch": ${list(index.watch)},`,
    `  "knownNames": ${list(index.knownNames, 8)},`,
    `  "brands": ${list(index.brands)},`,
    `  "products": ${list(index.products)},`,
    `  "outOfScope": ${list(index.outOfScope, 20)}`,
    '}',
    '',
  ].join('\n');
}
