/**
 * Creatinine clearance for drug dosing (clinical-spec §C.3). Labels dose by Cockcroft-Gault CrCl, so
 * that comes first: (ageConstant − age) × weight kg / (creatinineDivisor × SCr mg/dL), × femaleFactor
 * unless the patient is recorded male (unknown sex takes the lower, safer estimate). Without weight,
 * creatinine or age, a laboratory-reported Cockcroft-Gault value is used, and without that the eGFR
 * number (DESIGN CHOICE of the spec). The constants are pack parameters; the inputs are other facts
 * (their windows and unit conversion live in the fact catalogue).
 */
import type { Fact, FactEvidence } from '../../facts/fact';
import type { Mechanism, MechanismContext } from '../mechanism';
import {
  collectParameterIssues,
  numberFact,
  packNumber,
  stringParam,
  type ParameterReader,
} from '../mechanism-inputs';

const INPUTS = [
  'ageFact',
  'sexFact',
  'weightFact',
  'creatinineFact',
  'reportedFact',
  'egfrFact',
] as const;
type InputNames = Record<(typeof INPUTS)[number], string>;

/** The `renalClearance` mechanism: CrCl in mL/min, Cockcroft-Gault first, then reported CrCl, then eGFR. */
export const renalClearance: Mechanism = {
  compute: (params, ctx) => {
    const pack = stringParam(params, 'pack', ctx);
    const names = readNames(params, ctx);
    if (pack === null || names === null) {
      return { value: null, unit: 'mL/min' };
    }
    return cockcroftGault(ctx, pack, names) ?? fallback(ctx, names);
  },
  // Reads only catalogue facts named in params (no `requires`): their own sources carry the data
  // requirements, and an unnarrowed requirement here would widen the prefetch to every resource.
  checkParams: (params, pack) =>
    collectParameterIssues(pack, (reader) => {
      const id = stringParam(params, 'pack', reader);
      readNames(params, reader);
      if (id !== null) {
        readConstants(reader, id);
      }
    }),
};

function readNames(
  params: Readonly<Record<string, unknown>>,
  ctx: ParameterReader,
): InputNames | null {
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

function cockcroftGault(ctx: MechanismContext, pack: string, names: InputNames): Fact | null {
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
  const constants = readConstants(ctx, pack);
  if (constants === null) {
    return null;
  }
  const { ageConstant, divisor, femaleFactor } = constants;
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

function fallback(ctx: MechanismContext, names: InputNames): Fact {
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

function readConstants(
  reader: ParameterReader,
  pack: string,
): { ageConstant: number; divisor: number; femaleFactor: number } | null {
  const ageConstant = packNumber(reader, pack, ['cockcroftGault', 'ageConstant']);
  const divisor = packNumber(reader, pack, ['cockcroftGault', 'creatinineDivisor']);
  const femaleFactor = packNumber(reader, pack, ['cockcroftGault', 'femaleFactor']);
  return ageConstant === null || divisor === null || femaleFactor === null
    ? null
    : { ageConstant, divisor, femaleFactor };
}
