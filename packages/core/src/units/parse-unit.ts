/**
 * Reads a real-world unit string (UCUM code or free-text unit) into a UCUM expression plus the
 * annotations it carried. Annotations (`{FEU}`, `{DDU}`, `{1.73_m2}`, or a trailing `FEU`/`DDU` word)
 * have no UCUM semantics, so they are taken out and returned for the caller to read.
 */
import { ANALYTE_TABLE } from './analyte-table';

/** A unit string split into its UCUM expression and its annotations. */
export interface ParsedUnit {
  /** UCUM expression without annotations, with known misspellings mapped; `''` when no unit was given. */
  readonly ucum: string;
  /** Annotation texts without braces, in order of appearance (`['FEU']`). */
  readonly annotations: readonly string[];
}

const BRACE_ANNOTATION = /\{([^{}]*)\}/g;
const TRAILING_WORD = /^(.*\S)\s+\(?([A-Za-z]+)\)?$/;

/**
 * Splits a unit string into UCUM and annotations, mapping known non-UCUM spellings via analytes.json.
 * A term that is only an annotation (`{index}`, `/{1.73_m2}`) becomes `1`, as in UCUM. The result is not
 * validated: {@link isUcumUnit} or the converter decides whether it is usable.
 * @param unit - the unit text or code; undefined, empty or blank means "no unit"
 * @returns the UCUM expression (`''` when absent) and the annotations found
 */
export function parseUnit(unit: string | undefined): ParsedUnit {
  const key = unit ?? '';
  const known = parsed.get(key);
  if (known !== undefined) {
    return known;
  }
  if (parsed.size >= MEMO_LIMIT) {
    parsed.clear();
  }
  const result = Object.freeze(parseUncached(key));
  Object.freeze(result.annotations);
  parsed.set(key, result);
  return result;
}

/**
 * Units repeat across resources and requests, and parsing one (character aliases, alias lookups,
 * regular expressions) was 2–3 % of a call's CPU (docs/reference/performance.md): parsed units are
 * kept. The texts come from request data, so the memo is bounded: it starts over when full.
 */
const MEMO_LIMIT = 2_000;
const parsed = new Map<string, ParsedUnit>();

function parseUncached(unit: string): ParsedUnit {
  const text = replaceCharacters(unit.trim());
  if (text === '') {
    return { ucum: '', annotations: [] };
  }
  const whole = lookupAlias(text);
  if (whole !== undefined) {
    return splitBraces(whole);
  }
  const annotations: string[] = [];
  let rest = text;
  const trailing = TRAILING_WORD.exec(rest);
  const word = trailing?.[2]?.toUpperCase();
  if (
    trailing?.[1] !== undefined &&
    word !== undefined &&
    ANALYTE_TABLE.textAnnotations.includes(word)
  ) {
    rest = trailing[1];
    annotations.push(word);
  }
  const split = splitBraces(lookupAlias(rest) ?? rest);
  const ucum = lookupAlias(split.ucum) ?? split.ucum;
  return { ucum, annotations: [...split.annotations, ...annotations] };
}

function replaceCharacters(text: string): string {
  let out = text;
  for (const [from, to] of Object.entries(ANALYTE_TABLE.characterAliases)) {
    out = out.split(from).join(to);
  }
  return out;
}

function lookupAlias(text: string): string | undefined {
  const aliases = ANALYTE_TABLE.unitAliases;
  if (Object.hasOwn(aliases, text)) {
    return aliases[text];
  }
  const lower = text.toLowerCase();
  const key = Object.keys(aliases).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : aliases[key];
}

function splitBraces(text: string): ParsedUnit {
  const annotations: string[] = [];
  const ucum = text.replace(BRACE_ANNOTATION, (_match, inner: string, offset: number) => {
    annotations.push(inner.trim());
    const before = offset === 0 ? '' : text.charAt(offset - 1);
    const standalone = before === '' || before === '/' || before === '.';
    return standalone ? '1' : '';
  });
  return { ucum: ucum.trim(), annotations };
}
