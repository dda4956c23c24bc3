/**
 * The synthetic patient of the Wells end-to-end test, dated relative to the test's start: calf pain
 * since yesterday (the episode), an active breast cancer on the problem list (Wells item 1 from the
 * record), a negative D-dimer this morning (320 ng/mL FEU, below the age-adjusted cutoff of 580 at 58)
 * and the ambulatory encounter the app is launched in. Codes as in the vignettes
 * (packages/fhir/test/vignettes): ICD-10-CM M79.662, C50.911; LOINC 48065-7.
 */
import type { FhirResource } from 'fhir/r4';

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const DAY_MS = 86_400_000;
const ACTIVE = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
};
const CONFIRMED = {
  coding: [
    { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' },
  ],
};

/**
 * @param now - the test's start
 * @returns the record the stub EHR serves
 */
export function ehrRecord(now: Date): FhirResource[] {
  const at = (ms: number): string => new Date(now.getTime() - ms).toISOString();
  const subject = { reference: 'Patient/p1' };
  const birth = new Date(now.getTime() - 58.5 * 365.25 * DAY_MS).toISOString().slice(0, 10);
  return [
    {
      resourceType: 'Patient',
      id: 'p1',
      name: [{ given: ['Alex'], family: 'Rivera' }],
      gender: 'female',
      birthDate: birth,
    },
    {
      resourceType: 'Encounter',
      id: 'e1',
      status: 'in-progress',
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
      subject,
      period: { start: at(3_600_000) },
    },
    {
      resourceType: 'Condition',
      id: 'calf-pain',
      clinicalStatus: ACTIVE,
      verificationStatus: CONFIRMED,
      code: { coding: [{ system: ICD, code: 'M79.662', display: 'Pain in left lower leg' }] },
      subject,
      onsetDateTime: at(DAY_MS).slice(0, 10),
    },
    {
      resourceType: 'Condition',
      id: 'cancer',
      clinicalStatus: ACTIVE,
      verificationStatus: CONFIRMED,
      code: {
        coding: [{ system: ICD, code: 'C50.911' }],
        text: 'Malignant neoplasm of breast',
      },
      subject,
      onsetDateTime: at(200 * DAY_MS).slice(0, 10),
    },
    {
      resourceType: 'Observation',
      id: 'dd-1',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '48065-7' }] },
      subject,
      effectiveDateTime: at(2 * 3_600_000),
      valueQuantity: {
        value: 320,
        unit: 'ng/mL{FEU}',
        system: 'http://unitsofmeasure.org',
        code: 'ng/mL{FEU}',
      },
    },
  ];
}
