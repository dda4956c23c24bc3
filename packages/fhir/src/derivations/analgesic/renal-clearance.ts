/**
 * Creatinine clearance for drug dosing (clinical-spec §C.3). Labels dose by Cockcroft-Gault CrCl, so
 * that comes first: (ageConstant − age) × weight kg / (creatinineDivisor × SCr mg/dL), × femaleFactor
 * unless the patient is recorded male (unknown sex takes the lower, safer estimate). Without weight,
 * creatinine or age, a laboratory-reported Cockcroft-Gault value is used, and without that the eGFR
 * number (DESIGN CHOICE of the spec). The constants are pack parameters; the inputs are other facts
 * (their windows and unit conversion live in the fact catalogue).
 */
import type { Fact, FactEvidence } from '@soleus/core';
import type { Derivation } from '../../facts/derivations';
import type { FactContext } from '../../facts/fact-context';
import { numberFact, packNumber, stringParam } from './derivation-inputs';

const INPUTS = [
  'ageFact',
  'sexFact',
  'weightFact',
  'creatinineFact',
  'reportedFact',
  'egfrFact',
] as const;
type InputNames = Record<(typeof INPUTS)[number], string>;

/** The `renalClearance` derivation: CrCl in mL/min, Cockcroft-Gault first, then reported CrCl, then eGFR. */
export const renalClearance: Derivation = {
  compute: (params, ctx) => {
    const pack = stringParam(params, 'pack', ctx);
    const names = readNames(params, ctx);
    if (pack === null || names === null) {
      return { value: null, unit: 'mL/min' };
    }
    return cockcroftGault(ctx, pack, names) ?? fallback(ctx, names);
  },
  // Reads only catalogue facts named in params; their own sources carry the (value-set narrowed) data
  // requirements, and the rules that use this fact also name those inputs, so discovery prefetches them.
  // An unnarrowed requirement here would widen the prefetch to every resource of the type.
  requires: () => [],
};

function readNames(params: Readonly<Record<string, unknown>>, ctx: FactContext): InputNames | null {
  const names: Partial<InputNames> = {};
  for (const key of INPUTS) {
    const name = stringParam(params, key, ctx);
    if (name === null) {
      return null;
    }
    names[key] = name;
  }
  return names as InputNames;
}

function cockcroftGault(ctx: FactContext, pack: string, names: InputNames): Fact | null {
  const age = numberFact(ctx, names.ageFact);
  const weight = numberFact(ctx, names.weightFact);
  const creatinine = numberFact(ctx, names.creatinineFact);
  if (
    age.value === null ||
    weight.value === null ||
    creatinine.value === null ||
    creatinine.value <= 0
  ) {
    return null;
  }
  const ageConstant = packNumber(ctx, pack, ['cockcroftGault', 'ageConstant']);
  const divisor = packNumber(ctx, pack, ['cockcroftGault', 'creatinineDivisor']);
  const femaleFactor = packNumber(ctx, pack, ['cockcroftGault', 'femaleFactor']);
  if (ageConstant === null || divisor === null || femaleFactor === null) {
    return null;
  }
  const male = ctx.fact(names.sexFact).value === 'male';
  const crcl = ((ageConstant - age.value) * weight.value) / (divisor * creatinine.value);
  const value = male ? crcl : crcl * femaleFactor;
  const note = male
    ? 'Cockcroft-Gault (male)'
    : 'Cockcroft-Gault (female factor: female or sex not recorded)';
  return {
    value,
    unit: 'mL/min',
    evidence: [...age.evidence, ...weight.evidence, ...creatinine.evidence].map((e) =>
      withNote(e, note),
    ),
  };
}

function fallback(ctx: FactContext, names: InputNames): Fact {
  const reported = numberFact(ctx, names.reportedFact);
  if (reported.value !== null) {
    return {
      value: reported.value,
      unit: 'mL/min',
      evidence: reported.evidence.map((e) => withNote(e, 'reported CrCl')),
    };
  }
  const egfr = numberFact(ctx, names.egfrFact);
  if (egfr.value !== null) {
    const note = 'eGFR used in place of CrCl (weight or creatinine unknown)';
    return {
      value: egfr.value,
      unit: 'mL/min',
      evidence: egfr.evidence.map((e) => withNote(e, note)),
    };
  }
  return { value: null, unit: 'mL/min' };
}

function withNote(evidence: FactEvidence, note: string): FactEvidence {
  return { ...evidence, note: evidence.note ? `${evidence.note}; ${note}` : note };
}
