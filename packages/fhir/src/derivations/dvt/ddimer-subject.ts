import { displayReported, calendarDate } from '@soleus/core';
import type { Observation } from 'fhir/r4';
import { observationEffectiveTime } from '../../fhir/observation-effective-time';
import { parseFhirDate } from '../../fhir/parse-fhir-date';

/**
 * Names one D-dimer result in card text: "D-dimer 600 ng/mL FEU (21 Nov 2026)", "D-dimer (21 Nov
 * 2026)" without a number, "D-dimer" without a usable date — never its resource id.
 * @param obs - the D-dimer Observation
 * @returns the subject of a clinician line
 */
export function ddimerSubject(obs: Observation): string {
  const q = obs.valueQuantity;
  const value =
    typeof q?.value === 'number'
      ? ` ${displayReported(`${q.comparator ?? ''}${q.value} ${q.code ?? q.unit ?? ''}`.trim())}`
      : '';
  const at = parseFhirDate(observationEffectiveTime(obs));
  const day = at && at.precision !== 'year' && at.precision !== 'month';
  return `D-dimer${value}${day ? ` (${calendarDate(at.epochMs)})` : ''}`;
}
