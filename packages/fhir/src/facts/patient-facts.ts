import type { Fact } from '@soleus/core';
import { ageAt } from '../fhir/age-at';
import type { FactContext } from './fact-context';
import type { PatientSource } from './fact-source';
import { resourceRef } from './resource-ref';

/**
 * Demographic facts from the Patient resource: age in completed years at `now` (unknown without a
 * usable birth date) and administrative gender.
 * @param source - patient source
 * @param ctx - fact context
 * @returns the fact
 */
export function patientFact(source: PatientSource, ctx: FactContext): Fact {
  const patient = ctx.index.patient;
  if (!patient) {
    return { value: null };
  }
  const evidence = [{ resource: resourceRef(patient) }];
  if (source.field === 'sex') {
    return { value: patient.gender ?? null, evidence };
  }
  const age = ageAt(patient.birthDate, ctx.nowMs);
  return age === null ? { value: null, unit: 'a', evidence } : { value: age, unit: 'a', evidence };
}
