/**
 * The side a Condition or Observation is about (clinical-spec §9.3), read from data in
 * `packages/fhir/data/laterality.json`: the ICD-10-CM laterality character, else a SNOMED CT
 * laterality qualifier in a bodySite concept, else a pre-coordinated lateral SNOMED CT code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeableConcept, Coding } from 'fhir/r4';
import { ICD10CM, SNOMED } from '@soleus/core';

/** A side of the body; `bilateral` is both sides (never unilateral), `unknown` is not stated. */
export type Laterality = 'left' | 'right' | 'bilateral' | 'unknown';

/** The laterality data file. */
export interface LateralityTable {
  readonly icd10cm: readonly {
    readonly pattern: string;
    readonly sides: Readonly<Record<string, Laterality>>;
  }[];
  readonly snomedQualifiers: Readonly<Record<string, Laterality>>;
  readonly snomedLateralCodes: Readonly<Record<string, Laterality>>;
}

/** What laterality is read from: the resource's code and its body site(s). */
export interface LateralityInput {
  readonly code?: CodeableConcept;
  readonly bodySite?: CodeableConcept | readonly CodeableConcept[];
}

/** Absolute path of the shipped laterality table. */
export const LATERALITY_TABLE_PATH = join(__dirname, '..', '..', 'data', 'laterality.json');

/** The shipped laterality table, read once when the module loads. */
export const LATERALITY_TABLE = JSON.parse(
  readFileSync(LATERALITY_TABLE_PATH, 'utf8'),
) as LateralityTable;

/**
 * Reads the side from the first source that states one. Sources that disagree within one level
 * (left and right) mean both sides: `bilateral`. An unspecified ICD-10-CM character falls through to
 * the next source.
 * @param input - the resource's `code` and `bodySite` (a Condition's array or an Observation's single concept)
 * @param table - the laterality data (the shipped table unless a test or integrator passes another)
 * @returns left, right, bilateral, or unknown when no source states a side
 */
export function laterality(
  input: LateralityInput,
  table: LateralityTable = LATERALITY_TABLE,
): Laterality {
  const sites =
    input.bodySite === undefined
      ? []
      : Array.isArray(input.bodySite)
        ? input.bodySite
        : [input.bodySite];
  const siteCodings = (sites as readonly CodeableConcept[]).flatMap((c) => c.coding ?? []);
  const codeCodings = input.code?.coding ?? [];
  const levels: (() => Laterality[])[] = [
    () => codeCodings.filter((c) => c.system === ICD10CM).map((c) => icdSide(c, table)),
    () => snomedSides(siteCodings, table.snomedQualifiers),
    () => snomedSides([...codeCodings, ...siteCodings], table.snomedLateralCodes),
  ];
  for (const level of levels) {
    const side = combine(level());
    if (side !== 'unknown') {
      return side;
    }
  }
  return 'unknown';
}

function icdSide(coding: Coding, table: LateralityTable): Laterality {
  const code = normaliseIcd(coding.code ?? '');
  for (const rule of table.icd10cm) {
    const digit = new RegExp(rule.pattern).exec(code)?.[1];
    if (digit !== undefined) {
      return rule.sides[digit] ?? 'unknown';
    }
  }
  return 'unknown';
}

function normaliseIcd(code: string): string {
  const upper = code.trim().toUpperCase();
  return upper.length > 3 && !upper.includes('.')
    ? `${upper.slice(0, 3)}.${upper.slice(3)}`
    : upper;
}

function snomedSides(
  codings: readonly Coding[],
  codes: Readonly<Record<string, Laterality>>,
): Laterality[] {
  return codings
    .filter((c) => c.system === SNOMED && c.code !== undefined && Object.hasOwn(codes, c.code))
    .map((c) => codes[c.code ?? ''] ?? 'unknown');
}

function combine(sides: readonly Laterality[]): Laterality {
  const known = new Set(sides.filter((s) => s !== 'unknown'));
  if (known.has('bilateral') || (known.has('left') && known.has('right'))) {
    return 'bilateral';
  }
  return known.has('left') ? 'left' : known.has('right') ? 'right' : 'unknown';
}
