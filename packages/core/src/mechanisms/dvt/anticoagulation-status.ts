import type { Fact, FactEvidence } from '../../facts/fact';
import type { Mechanism, MechanismContext } from '../mechanism';
import { dvtParam } from './dvt-param';
import { checkFactParams, stringList as names } from './fact-params';

/**
 * Anticoagulation status for the DVT pathway (clinical-spec §A.5), dose-aware: `therapeutic` when a
 * fact in `therapeuticFacts` holds (warfarin/DOAC order, long-term anticoagulation status) or the LMWH
 * daily dose (`lmwhDoseFact`, mg/d) is above the pack's prophylactic ceiling; `prophylactic` when LMWH is
 * at or below it (enoxaparin 40 mg daily is prophylaxis, not treatment); unknown (null) when an LMWH or
 * heparin order's dose cannot be computed (`doseUnknownFacts`) or a therapeutic fact is itself unknown —
 * neither "anticoagulated" nor "not";
 * `none` otherwise.
 * @param params - `{ therapeuticFacts, lmwhDoseFact, doseUnknownFacts }`
 * @param ctx - the mechanism context
 * @returns a string fact: therapeutic | prophylactic | none, or null
 */
function computeAnticoagulation(
  params: Readonly<Record<string, unknown>>,
  ctx: MechanismContext,
): Fact {
  const therapeutic: FactEvidence[] = names(params, 'therapeuticFacts').flatMap((name) => {
    const fact = ctx.fact(name);
    return fact.value === true ? (fact.evidence ?? []) : [];
  });
  const lmwh =
    typeof params['lmwhDoseFact'] === 'string' ? ctx.fact(params['lmwhDoseFact']) : { value: 0 };
  const ceiling = dvtParam(ctx, 'anticoagulation.lmwhProphylacticMaxMgPerDay', 'number');
  const lmwhEvidence = (lmwh.evidence ?? []).map((e) => ({
    ...e,
    note: `LMWH ${String(lmwh.value ?? 'unknown')} mg/d (prophylactic ≤ ${ceiling} mg/d)`,
  }));
  if (typeof lmwh.value === 'number' && lmwh.value > ceiling) {
    therapeutic.push(...lmwhEvidence);
  }
  if (therapeutic.length > 0) {
    return { value: 'therapeutic', evidence: therapeutic };
  }
  const unknownDose = names(params, 'doseUnknownFacts').flatMap((name) => {
    const fact = ctx.fact(name);
    return fact.value === true ? (fact.evidence ?? []) : [];
  });
  // A therapeutic fact left unknown (e.g. a provisional long-term-anticoagulation status) is neither
  // "anticoagulated" (which would drop the interim-anticoagulation advice) nor "not anticoagulated".
  const possiblyTherapeutic = names(params, 'therapeuticFacts').some(
    (name) => ctx.fact(name).value === null,
  );
  if (lmwh.value === null || unknownDose.length > 0 || possiblyTherapeutic) {
    return { value: null, evidence: [...lmwhEvidence, ...unknownDose] };
  }
  if (typeof lmwh.value === 'number' && lmwh.value > 0) {
    return { value: 'prophylactic', evidence: lmwhEvidence };
  }
  return { value: 'none' };
}

/** `dvt.anticoagulation`: therapeutic | prophylactic | none | unknown. */
export const anticoagulationStatus: Mechanism = {
  compute: computeAnticoagulation,
  requires: () => [
    { resourceType: 'MedicationRequest' },
    { resourceType: 'MedicationStatement' },
    { resourceType: 'Condition' },
  ],
  checkParams: (params) =>
    checkFactParams(params, {
      therapeuticFacts: 'string[]',
      lmwhDoseFact: 'string',
      doseUnknownFacts: 'string[]',
    }),
};
