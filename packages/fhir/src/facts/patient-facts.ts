import type { Fact, Issue } from '@soleus/core';
import { ageAt } from '../fhir/age-at';
import type { FactContext } from './fact-context';
import type { PatientSource } from './fact-source';
import { resourceRef } from './resource-ref';

/**
 * Demographic facts from the Patient resource: age in completed years at `now` (unknown without a
 * usable birth date) and administrative gender. An unknown age, or no Patient at all, is reported when a
 * rule of this call reads it (clinical-spec §0.3: never dropped silently).
 * @param source - patient source
 * @param ctx - fact context
 * @returns the fact
 */
export function patientFact(source: PatientSource, ctx: FactContext): Fact {
  const patient = ctx.index.patient;
  if (!patient) {
    // A rule of this call needs demographics the record does not hold (or holds only for another patient).
    ctx.issues.add(noPatientIssue(source.field === 'sex' ? 'sex' : 'age'));
    return { value: null };
  }
  const evidence = [{ resource: resourceRef(patient) }];
  if (source.field === 'sex') {
    return { value: patient.gender ?? null, evidence };
  }
  const age = ageAt(patient.birthDate, ctx.nowMs);
  if (age === null) {
    ctx.issues.warn(
      'SOLEUS_FHIR_UNINTERPRETABLE',
      'age unknown (Patient.birthDate missing, partial or invalid): age-dependent rules cannot apply',
      { resource: resourceRef(patient), path: 'birthDate' },
      'Date of birth missing or incomplete, so age is unknown',
    );
    return { value: null, unit: 'a', evidence };
  }
  return { value: age, unit: 'a', evidence };
}

/**
 * The issue raised when a rule needs the patient's age or sex and the record holds no Patient for the
 * context patient (one per field, however many facts or mechanisms ask).
 * @param field - what is unknown
 * @returns the issue
 */
export function noPatientIssue(field: 'age' | 'sex'): Issue {
  return {
    severity: 'information',
    code: 'SOLEUS_FHIR_NO_PATIENT',
    message: `no Patient resource for the context patient: ${field} is unknown`,
    location: { resource: 'Patient', path: field === 'sex' ? 'gender' : 'birthDate' },
    clinicianText: `No demographics were received for this patient, so ${field} is unknown`,
  };
}
