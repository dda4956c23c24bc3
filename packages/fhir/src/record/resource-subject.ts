/**
 * Whose data a resource is: the reference that names its patient (FHIR R4 patient compartment). Only
 * resources that describe a patient carry one; Medication, Practitioner, Organization, Location and the
 * like are shared and belong to no patient. Read defensively: records from real feeds put numbers,
 * objects or nothing where a reference string should be.
 */

/** What a resource says about its patient. */
export type ResourceSubject =
  /** Not patient data (Medication, Practitioner …): it belongs to every record that refers to it. */
  | { readonly kind: 'shared' }
  /** Patient data; `reference` is the reference text, or undefined when it is missing or not a string. */
  | { readonly kind: 'patient-data'; readonly reference: string | undefined };

/**
 * The element that names the patient, per resource type (FHIR R4 compartment definition, `patient`
 * parameter). A type listed here is patient data even when the element is missing: a result without a
 * subject cannot be shown to be this patient's, so it never counts.
 */
const SUBJECT_ELEMENT: Readonly<Record<string, string>> = {
  AdverseEvent: 'subject',
  AllergyIntolerance: 'patient',
  BodyStructure: 'patient',
  CarePlan: 'subject',
  CareTeam: 'subject',
  Claim: 'patient',
  ClinicalImpression: 'subject',
  Communication: 'subject',
  Composition: 'subject',
  Condition: 'subject',
  Coverage: 'beneficiary',
  DetectedIssue: 'patient',
  DeviceRequest: 'subject',
  DeviceUseStatement: 'subject',
  DiagnosticReport: 'subject',
  DocumentReference: 'subject',
  Encounter: 'subject',
  EpisodeOfCare: 'patient',
  ExplanationOfBenefit: 'patient',
  FamilyMemberHistory: 'patient',
  Flag: 'subject',
  Goal: 'subject',
  ImagingStudy: 'subject',
  Immunization: 'patient',
  List: 'subject',
  MedicationAdministration: 'subject',
  MedicationDispense: 'subject',
  MedicationRequest: 'subject',
  MedicationStatement: 'subject',
  NutritionOrder: 'patient',
  Observation: 'subject',
  Procedure: 'subject',
  QuestionnaireResponse: 'subject',
  RiskAssessment: 'subject',
  ServiceRequest: 'subject',
  Specimen: 'subject',
};

/** Elements that name a patient on types the table does not list (e.g. Device.patient). */
const OPTIONAL_ELEMENTS = ['subject', 'patient'] as const;

/**
 * Reads the patient reference of a resource.
 * @param resource - any resource (its shape is not trusted)
 * @returns shared, or patient data with its reference text (undefined when missing or malformed)
 */
export function resourceSubject(resource: { readonly resourceType: string }): ResourceSubject {
  const fields = resource as unknown as Readonly<Record<string, unknown>>;
  const element = subjectElement(resource);
  return element === undefined
    ? { kind: 'shared' }
    : { kind: 'patient-data', reference: referenceText(fields[element]) };
}

/**
 * The element that names the patient of a resource.
 * @param resource - any resource (its shape is not trusted)
 * @returns `subject`, `patient` … or undefined for shared resources (Medication, Practitioner …)
 */
export function subjectElement(resource: { readonly resourceType: string }): string | undefined {
  const listed = SUBJECT_ELEMENT[resource.resourceType];
  if (listed !== undefined) {
    return listed;
  }
  const fields = resource as unknown as Readonly<Record<string, unknown>>;
  return OPTIONAL_ELEMENTS.find((name) => fields[name] !== undefined);
}

function referenceText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return undefined;
  }
  const reference = (value as { reference?: unknown }).reference;
  return typeof reference === 'string' ? reference : undefined;
}
