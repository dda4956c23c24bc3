/**
 * One D-dimer result read as clinical-spec §A.4 says: basis FEU/DDU from the LOINC code or the unit
 * annotation (a disagreement is uninterpretable), value converted to µg/L by its unit (missing or
 * non-mass unit → uninterpretable), cutoff = the lab's `referenceRange.high` when given, else the pack's
 * conventional cutoff for the basis, age-adjusted (age × factor) above the pack's age for quantitative FEU
 * results on the conventional cutoff when the age at sampling is known. Negative only when strictly below
 * the cutoff; `<x` with x ≤ cutoff is negative, `>x` is positive. Qualitative negatives never exclude.
 */
import { displayReported, displayUnit } from '../../text/display-unit';
import { unitProblem } from '../../text/unit-problem';
import { normaliseQuantity } from '../../units/normalise-quantity';
import type { MechanismContext } from '../mechanism';
import type { ReadingQuantity, RecordReading } from '../records/record-reading';
import { dvtParam } from './dvt-param';

/** The verdict on one result, with the explanation a card shows: the value, then why the verdict. */
export type DdimerReading =
  | {
      readonly ok: true;
      readonly verdict: 'negative' | 'positive';
      /** The result as reported, in clinician units ("900 ng/mL FEU"). */
      readonly value: string;
      /** The verdict and why ("positive, at or above the age-adjusted cutoff of 560 µg/L FEU"). */
      readonly line: string;
    }
  | {
      readonly ok: false;
      readonly reason: string;
      /** The same for a clinician, as a predicate ("has no unit, so its value cannot be read"). */
      readonly plain: string;
      readonly path: string;
      readonly issue: boolean;
    };

type Basis = 'FEU' | 'DDU';

/**
 * The D-dimer readings of the record, with what the interpretation asks of them: coded qualitative
 * results against the pack's positive/negative value sets, and the code against the qualitative, FEU
 * and DDU value sets.
 * @param ctx - the mechanism context
 * @returns the readings (none without a record reader)
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function ddimerReadings(ctx: MechanismContext): readonly RecordReading[] {
  return (
    ctx.records?.read({
      kind: 'Observation',
      valueSet: dvtParam(ctx, 'ddimer.allValueSet', 'string'),
      positiveValueSet: dvtParam(ctx, 'positiveResultValueSet', 'string'),
      negativeValueSet: dvtParam(ctx, 'negativeResultValueSet', 'string'),
      alsoIn: [
        dvtParam(ctx, 'ddimer.qualitativeValueSet', 'string'),
        dvtParam(ctx, 'ddimer.feuValueSet', 'string'),
        dvtParam(ctx, 'ddimer.dduValueSet', 'string'),
      ],
    }) ?? []
  );
}

/**
 * Interprets one counting, in-window D-dimer reading (from {@link ddimerReadings}).
 * @param obs - the reading (status and date already checked)
 * @param atMs - its effective instant (for the age at sampling)
 * @param ctx - the mechanism context
 * @returns the verdict, or why it cannot be used
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function interpretDdimer(
  obs: RecordReading,
  atMs: number,
  ctx: MechanismContext,
): DdimerReading {
  const result = obs.value;
  const qualitativeTest = obs.alsoIn.includes(
    dvtParam(ctx, 'ddimer.qualitativeValueSet', 'string'),
  );
  switch (result.kind) {
    case 'positive':
      return {
        ok: true,
        verdict: 'positive',
        value: `Qualitative result “${result.reported}”`,
        line: 'positive',
      };
    case 'negative':
      return {
        ok: false,
        reason: 'qualitative negative result: never used to exclude DVT',
        plain: 'is a qualitative negative result (never used to exclude DVT)',
        path: 'value[x]',
        issue: false,
      };
    case 'none':
      return fail(
        'uninterpretable: expected a result value',
        'value[x]',
        'has no value that can be read',
      );
    case 'uninterpretable':
      return fail(`uninterpretable: ${result.reason}`, result.path, result.plain);
    case 'quantity':
      return qualitativeTest
        ? fail(
            'uninterpretable: a quantity on a qualitative D-dimer test',
            'value[x]',
            'is a qualitative test reported as a number, so it cannot be read',
          )
        : interpretQuantity(obs, result, result.fromText, atMs, ctx);
  }
}

function interpretQuantity(
  obs: RecordReading,
  q: ReadingQuantity,
  fromText: boolean,
  atMs: number,
  ctx: MechanismContext,
): DdimerReading {
  const path = fromText ? 'valueString' : 'valueQuantity.unit';
  const analyte = dvtParam(ctx, 'ddimer.analyte', 'string');
  const value = normaliseQuantity(q, analyte);
  if (!value.ok) {
    return fail(`uninterpretable: ${value.reason}`, path, unitProblem(q.code ?? q.unit));
  }
  const codeBasis = basisFromCode(obs, ctx);
  const annotationBasis = basisFromAnnotations(value.annotations);
  if (
    annotationBasis === 'conflict' ||
    (codeBasis && annotationBasis && codeBasis !== annotationBasis)
  ) {
    return fail(
      `uninterpretable: LOINC basis ${codeBasis ?? '(none)'} and unit annotation basis disagree`,
      path,
      'has a test code and a unit that disagree on FEU or DDU',
    );
  }
  const basis = codeBasis ?? annotationBasis;
  if (!basis) {
    return fail(
      'uninterpretable: neither the LOINC code nor the unit says FEU or DDU',
      path,
      'does not say whether it is FEU or DDU',
    );
  }
  const cutoff = chooseCutoff(obs, basis, atMs, analyte, ctx);
  if (!cutoff.ok) {
    return cutoff;
  }
  const reported = displayReported(
    `${q.comparator ?? ''}${q.value ?? ''} ${q.code ?? q.unit ?? ''}`.trim(),
  );
  const unit = displayUnit(value.unit);
  const converted = `${value.comparator ?? ''}${round(value.value)} ${unit}`;
  const verdict = decide(value.comparator, value.value, cutoff.value);
  if (verdict === 'positive' && cutoff.ageUnknown === true) {
    reportUnknownAge(ctx);
  }
  if (verdict === null) {
    return fail(
      `uninterpretable: "<" bound above the ${round(cutoff.value)} ${value.unit} cutoff`,
      'valueQuantity.comparator',
      `is reported as ${reported}, a bound above the cutoff, so it cannot be read as negative`,
    );
  }
  const as = round(value.value) === q.value ? '' : ` (${converted})`;
  const text = fromText ? ', written as text' : '';
  const side = verdict === 'negative' ? 'below' : 'at or above';
  return {
    ok: true,
    verdict,
    value: `${reported}${as}${text}`,
    line: `${verdict}, ${side} the ${cutoff.words} of ${round(cutoff.value)} ${unit} ${basis}${cutoff.note}`,
  };
}

function decide(
  comparator: string | undefined,
  value: number,
  cutoff: number,
): 'negative' | 'positive' | null {
  if (comparator === '>' || comparator === '>=') {
    return 'positive';
  }
  if (comparator === '<') {
    return value <= cutoff ? 'negative' : null;
  }
  if (comparator === '<=') {
    return value < cutoff ? 'negative' : null;
  }
  return value < cutoff ? 'negative' : 'positive';
}

function chooseCutoff(
  obs: RecordReading,
  basis: Basis,
  atMs: number,
  analyte: string,
  ctx: MechanismContext,
):
  | {
      ok: true;
      value: number;
      why: string;
      words: string;
      note: string;
      /** True when the cutoff could have been age-adjusted but the age is unknown. */
      ageUnknown?: boolean;
    }
  | Extract<DdimerReading, { ok: false }> {
  const conventional = dvtParam(
    ctx,
    basis === 'FEU' ? 'ddimer.cutoffFeu' : 'ddimer.cutoffDdu',
    'number',
  );
  let cutoff = conventional;
  let why = `conventional ${basis} cutoff`;
  let words = 'cutoff';
  const high = obs.referenceHigh;
  if (high) {
    const lab = normaliseQuantity(high, analyte);
    const labBasis = lab.ok ? basisFromAnnotations(lab.annotations) : null;
    if (!lab.ok || labBasis === 'conflict' || (labBasis && labBasis !== basis)) {
      return fail(
        'uninterpretable: referenceRange.high unit cannot be read in the result basis',
        'referenceRange[0].high',
        'has a laboratory upper limit in a unit that cannot be read',
      );
    }
    cutoff = lab.value;
    why = 'laboratory referenceRange.high';
    words = "laboratory's cutoff";
  }
  if (basis !== 'FEU' || cutoff !== dvtParam(ctx, 'ddimer.cutoffFeu', 'number')) {
    return {
      ok: true,
      value: cutoff,
      why: `${why}; no age adjustment (${basis === 'FEU' ? 'not the conventional cutoff' : 'DDU assay'})`,
      words,
      note: '',
    };
  }
  const age = ctx.records?.patient()?.ageAt(atMs) ?? null;
  const over = dvtParam(ctx, 'ddimer.ageAdjustedOverAge', 'number');
  if (age === null) {
    return {
      ok: true,
      value: cutoff,
      why: `${why}; age unknown, so not age-adjusted`,
      words,
      note: ' (not age-adjusted: age unknown)',
      ageUnknown: true,
    };
  }
  if (age > over) {
    return {
      ok: true,
      value: age * dvtParam(ctx, 'ddimer.ageAdjustedFactor', 'number'),
      why: `age-adjusted: age ${age} > ${over}`,
      words: 'age-adjusted cutoff',
      note: ` (age ${age})`,
    };
  }
  return { ok: true, value: cutoff, why: `${why}; age ${age} ≤ ${over}`, words, note: '' };
}

function basisFromCode(obs: RecordReading, ctx: MechanismContext): Basis | undefined {
  if (obs.alsoIn.includes(dvtParam(ctx, 'ddimer.feuValueSet', 'string'))) {
    return 'FEU';
  }
  return obs.alsoIn.includes(dvtParam(ctx, 'ddimer.dduValueSet', 'string')) ? 'DDU' : undefined;
}

function basisFromAnnotations(annotations: readonly string[]): Basis | 'conflict' | undefined {
  const upper = annotations.map((a) => a.toUpperCase());
  const feu = upper.some((a) => a.includes('FEU'));
  const ddu = upper.some((a) => a.includes('DDU'));
  return feu && ddu ? 'conflict' : feu ? 'FEU' : ddu ? 'DDU' : undefined;
}

/** A positive read at the conventional cutoff might have been negative at the age-adjusted one. */
function reportUnknownAge(ctx: MechanismContext): void {
  const patient = ctx.records?.patient() ?? null;
  if (!patient) {
    ctx.issues.add({
      severity: 'information',
      code: 'SOLEUS_FHIR_NO_PATIENT',
      message: 'no Patient resource for the context patient: age is unknown',
      location: { resource: 'Patient', path: 'birthDate' },
      clinicianText: 'No demographics were received for this patient, so age is unknown',
    });
    return;
  }
  ctx.issues.add({
    severity: 'warning',
    code: 'SOLEUS_FHIR_UNINTERPRETABLE',
    message:
      'age unknown (no usable Patient.birthDate): the D-dimer cutoff could not be age-adjusted, so the conventional cutoff was used',
    location: { resource: patient.ref, path: 'birthDate' },
    clinicianText:
      'Date of birth missing or incomplete: the positive D-dimer could not be checked against the age-adjusted cutoff',
  });
}

function fail(reason: string, path: string, plain: string): Extract<DdimerReading, { ok: false }> {
  return { ok: false, reason, plain, path, issue: true };
}

function round(n: number): number {
  return Number(n.toFixed(1));
}
