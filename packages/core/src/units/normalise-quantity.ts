/**
 * Normalises a FHIR-shaped Quantity (`valueQuantity`) of a known analyte to the analyte's canonical
 * unit. The quantity's own unit decides (UCUM `code`, else `unit` text), never the observation code.
 */
import { UCUM } from '../terminology/systems';
import { findAnalyte } from './analyte-table';
import { convertQuantity } from './convert-quantity';
import { parseUnit } from './parse-unit';

/** The Quantity fields read (FHIR R4 Quantity, without importing FHIR types into core). */
export interface QuantityInput {
  readonly value?: number;
  readonly unit?: string;
  readonly code?: string;
  readonly system?: string;
  readonly comparator?: string;
}

/** FHIR R4 Quantity.comparator values. */
export type QuantityComparator = '<' | '<=' | '>=' | '>';

/** A quantity in the analyte's canonical unit. */
export interface NormalisedQuantity {
  readonly ok: true;
  readonly value: number;
  /** The analyte's canonical UCUM unit. */
  readonly unit: string;
  readonly comparator?: QuantityComparator;
  /** Annotations from the code and the unit text (`FEU`, `DDU`), deduplicated, in order. */
  readonly annotations: readonly string[];
}

/** Why the quantity is uninterpretable; names units and fields, never values. */
export interface NormalisationFailure {
  readonly ok: false;
  readonly reason: string;
}

const COMPARATORS: readonly string[] = ['<', '<=', '>=', '>'];

/**
 * Converts a quantity to its analyte's canonical unit. The UCUM `code` is used when present (and its
 * system is UCUM or absent); otherwise the `unit` text. A missing value or unit, a non-UCUM `system`
 * with no usable unit text, an unknown comparator or an unconvertible unit gives `{ ok: false }`.
 * @param q - the quantity (FHIR `valueQuantity` shape)
 * @param analyte - analytes.json key, e.g. `magnesium`
 * @returns the normalised quantity, or a failure with the reason
 */
export function normaliseQuantity(
  q: QuantityInput,
  analyte: string,
): NormalisedQuantity | NormalisationFailure {
  const definition = findAnalyte(analyte);
  if (definition === undefined) {
    return fail(`unknown analyte "${analyte}": expected a key of data/analytes.json`);
  }
  if (typeof q.value !== 'number' || !Number.isFinite(q.value)) {
    return fail('value missing: expected a finite number in Quantity.value');
  }
  if (q.comparator !== undefined && !COMPARATORS.includes(q.comparator)) {
    return fail(`comparator "${q.comparator}" is not one of ${COMPARATORS.join(' ')}`);
  }
  const unit = chooseUnit(q);
  if (unit === undefined) {
    return fail('unit missing: expected Quantity.code (UCUM) or Quantity.unit');
  }
  const converted = convertQuantity(q.value, unit, definition.canonicalUnit, analyte);
  if (!converted.ok) {
    return converted;
  }
  const codeAnnotations = isCodeUsable(q) ? parseUnit(q.code).annotations : [];
  const annotations = [...codeAnnotations, ...parseUnit(q.unit).annotations];
  return {
    ok: true,
    value: converted.value,
    unit: definition.canonicalUnit,
    ...(q.comparator === undefined ? {} : { comparator: q.comparator as QuantityComparator }),
    annotations: [...new Set(annotations)],
  };
}

function isCodeUsable(q: QuantityInput): boolean {
  return q.system === undefined || q.system === UCUM;
}

function chooseUnit(q: QuantityInput): string | undefined {
  if (isCodeUsable(q) && q.code !== undefined && q.code.trim() !== '') {
    return q.code;
  }
  return q.unit !== undefined && q.unit.trim() !== '' ? q.unit : undefined;
}

function fail(reason: string): NormalisationFailure {
  return { ok: false, reason };
}
