/**
 * Reads the result of a laboratory Observation the way real feeds send it (clinical-spec §0.3, §9.4):
 * `valueQuantity`; a coded qualitative `valueCodeableConcept`; or text — `valueString` or a concept's
 * text/display — that is a qualitative word ("POSITIVE", "Not detected", data/qualitative-results.json)
 * or a quantity written out with its unit and an optional comparator (`<200 ng/mL`, `0.4 mg/L FEU`).
 * Anything else is uninterpretable, and the caller reports it: a result is never dropped silently and
 * never read as negative. Messages never quote the text (it may hold free text about the patient).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeableConcept, Observation, Quantity } from 'fhir/r4';
import type { ReadingValue } from '@soleus/core';

/**
 * What a result says: core's reading value, except that a quantity keeps its FHIR `Quantity` (the record
 * reader flattens it when it hands the reading to a mechanism).
 */
export type ResultValue =
  | {
      readonly kind: 'quantity';
      readonly quantity: Quantity;
      /** True when the quantity was read from text (valueString). */
      readonly fromText: boolean;
    }
  | Exclude<ReadingValue, { readonly kind: 'quantity' }>;

/** How coded qualitative results are recognised (value-set membership, from the caller's content). */
export interface CodedResults {
  readonly isPositive?: (concept: CodeableConcept) => boolean;
  readonly isNegative?: (concept: CodeableConcept) => boolean;
}

interface Vocabulary {
  readonly positive: readonly string[];
  readonly negative: readonly string[];
  readonly annotations: Readonly<Record<string, string>>;
}

/** Absolute path of the shipped vocabulary. */
export const QUALITATIVE_RESULTS_PATH = join(
  __dirname,
  '..',
  '..',
  'data',
  'qualitative-results.json',
);
const VOCABULARY = JSON.parse(readFileSync(QUALITATIVE_RESULTS_PATH, 'utf8')) as Vocabulary;

// A number, an optional comparator before it, then the unit text (e.g. "< 200 ng/mL FEU").
const QUANTITY_TEXT = /^(<=|>=|<|>|≤|≥)?\s*(\d+(?:\.\d+)?)\s*([A-Za-zµ%[{].*)?$/;
const COMPARATORS: Readonly<Record<string, Quantity['comparator']>> = {
  '<': '<',
  '<=': '<=',
  '≤': '<=',
  '>': '>',
  '>=': '>=',
  '≥': '>=',
};

/**
 * Reads an Observation's result.
 * @param obs - the Observation (its shape is not trusted)
 * @param coded - recognisers for coded positive/negative results
 * @returns the result, or why it cannot be read
 */
export function readResultValue(obs: Observation, coded: CodedResults = {}): ResultValue {
  const q = obs.valueQuantity as unknown;
  if (q !== undefined) {
    return typeof q === 'object' && q !== null && typeof (q as Quantity).value === 'number'
      ? { kind: 'quantity', quantity: q as Quantity, fromText: false }
      : uninterpretable('valueQuantity without a number', 'valueQuantity', 'has no numeric value');
  }
  const concept = obs.valueCodeableConcept as unknown;
  if (typeof concept === 'object' && concept !== null) {
    return readConcept(concept as CodeableConcept, coded);
  }
  const text = obs.valueString as unknown;
  if (typeof text === 'string') {
    return readText(text, 'valueString');
  }
  const other = Object.keys(obs).find((k) => k.startsWith('value'));
  return other === undefined
    ? { kind: 'none' }
    : uninterpretable(
        `${other} is not a laboratory result this reads`,
        other,
        'has a result of a kind that cannot be read',
      );
}

function readConcept(concept: CodeableConcept, coded: CodedResults): ResultValue {
  if (coded.isPositive?.(concept)) {
    return { kind: 'positive', reported: labelOf(concept) };
  }
  if (coded.isNegative?.(concept)) {
    return { kind: 'negative', reported: labelOf(concept) };
  }
  const words = [concept.text, ...(concept.coding ?? []).map((c) => c.display)].filter(
    (w): w is string => typeof w === 'string',
  );
  for (const word of words) {
    const verdict = qualitativeWord(word);
    if (verdict) {
      return { kind: verdict, reported: word };
    }
  }
  return uninterpretable(
    'coded result is neither a known positive nor a known negative',
    'valueCodeableConcept',
    'has a coded result that is neither positive nor negative',
  );
}

/**
 * Reads a result written as text: a qualitative word, or a quantity with its unit and optional comparator.
 * @param text - the text as reported
 * @param path - the element it came from, for the issue
 * @returns the result, or why it cannot be read
 */
export function readText(text: string, path: string): ResultValue {
  const verdict = qualitativeWord(text);
  if (verdict) {
    return { kind: verdict, reported: text.trim() };
  }
  const match = QUANTITY_TEXT.exec(text.trim());
  if (match === null) {
    return uninterpretable(
      'text result is neither a quantity nor a known qualitative word',
      path,
      'has a written result that cannot be read',
    );
  }
  const [, comparator, number, unitText] = match;
  if (unitText === undefined) {
    return uninterpretable(
      'text result has a number but no unit (the unit decides)',
      path,
      'has a written result with no unit, so its value cannot be read',
    );
  }
  const quantity: Quantity = {
    value: Number(number),
    unit: unitText.trim(), // the unit converter reads real-world spellings (`mg/L FEU`, `mcg/L`)
    ...(comparator ? { comparator: COMPARATORS[comparator] } : {}),
  };
  return { kind: 'quantity', quantity, fromText: true };
}

function qualitativeWord(text: string): 'positive' | 'negative' | null {
  const word = text.trim().toLowerCase().replace(/\.$/, '').replace(/\s+/g, ' ');
  if (VOCABULARY.positive.includes(word)) {
    return 'positive';
  }
  return VOCABULARY.negative.includes(word) ? 'negative' : null;
}

function labelOf(concept: CodeableConcept): string {
  return concept.text ?? concept.coding?.[0]?.display ?? concept.coding?.[0]?.code ?? 'coded';
}

function uninterpretable(reason: string, path: string, plain: string): ResultValue {
  return { kind: 'uninterpretable', reason, path, plain };
}
