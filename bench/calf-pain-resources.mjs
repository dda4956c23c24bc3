// Calf-pain resources added to every bench record so the DVT, cramp and analgesic rules really
// evaluate (a calf-pain episode 3 days old, Wells, D-dimer, labs in their windows, active analgesics),
// plus the order-sign draft orders (an NSAID). All synthetic; times are relative to the bench `now`.
// Bench data, not src/: the codes here mirror the vignettes in packages/fhir/test/vignettes.

const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';
const DAY_MS = 86_400_000;

const ago = (nowMs, days) => new Date(nowMs - days * DAY_MS).toISOString();

function condition(id, patientRef, code, display, onset) {
  const status = (system, value) => ({ coding: [{ system, code: value }] });
  return {
    resourceType: 'Condition',
    id,
    clinicalStatus: status('http://terminology.hl7.org/CodeSystem/condition-clinical', 'active'),
    verificationStatus: status(
      'http://terminology.hl7.org/CodeSystem/condition-ver-status',
      'confirmed',
    ),
    category: [
      status('http://terminology.hl7.org/CodeSystem/condition-category', 'problem-list-item'),
    ],
    code: { coding: [{ system: ICD10CM, code, display }] },
    subject: { reference: patientRef },
    onsetDateTime: onset,
  };
}

function lab(id, patientRef, code, value, unit, at, category = 'laboratory') {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [
      {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: category },
        ],
      },
    ],
    code: { coding: [{ system: LOINC, code }] },
    subject: { reference: patientRef },
    effectiveDateTime: at,
    valueQuantity: { value, unit, system: UCUM, code: unit },
  };
}

function medicationRequest(id, patientRef, status, rxcui, display, perDose, timesPerDay, form) {
  return {
    resourceType: 'MedicationRequest',
    id,
    status,
    intent: 'order',
    medicationCodeableConcept: {
      coding: [{ system: RXNORM, code: rxcui, display }],
      text: display,
    },
    subject: { reference: patientRef },
    dosageInstruction: [
      {
        text: `${perDose} ${form} ${timesPerDay} time(s) per 1 d`,
        timing: { repeat: { frequency: timesPerDay, period: 1, periodUnit: 'd' } },
        doseAndRate: [
          { doseQuantity: { value: perDose, unit: form, system: UCUM, code: `{${form}}` } },
        ],
      },
    ],
  };
}

const WELLS_ITEMS = [
  'activeCancer',
  'paralysisOrCast',
  'bedriddenOrSurgery',
  'tenderness',
  'entireLegSwollen',
  'calfSwelling3cm',
  'pittingOedema',
  'collateralVeins',
  'previousDVT',
  'altDxAsLikely',
];

function wells(id, patientRef, authored) {
  return {
    resourceType: 'QuestionnaireResponse',
    id,
    questionnaire: 'https://soleus.dev/fhir/Questionnaire/wells-dvt',
    status: 'completed',
    subject: { reference: patientRef },
    authored,
    item: WELLS_ITEMS.map((linkId) => ({
      linkId,
      answer: [{ valueBoolean: linkId === 'tenderness' }],
    })),
  };
}

/**
 * The calf-pain resources of the bench patient.
 * @param {string} patientRef - `Patient/<id>`
 * @param {number} nowMs - the bench evaluation instant
 * @returns {object[]} FHIR R4 resources
 */
export function calfPainResources(patientRef, nowMs) {
  return [
    condition('bench-calf-pain', patientRef, 'M79.662', 'Pain in left lower leg', ago(nowMs, 3)),
    condition('bench-cramp', patientRef, 'G47.62', 'Sleep related leg cramps', ago(nowMs, 40)),
    wells('bench-wells', patientRef, ago(nowMs, 1)),
    lab('bench-ddimer', patientRef, '48065-7', 900, 'ng/mL{FEU}', ago(nowMs, 1)),
    lab('bench-k', patientRef, '2823-3', 3.4, 'mmol/L', ago(nowMs, 2)),
    lab('bench-na', patientRef, '2951-2', 134, 'mmol/L', ago(nowMs, 2)),
    lab('bench-egfr', patientRef, '98979-8', 59, 'mL/min/{1.73_m2}', ago(nowMs, 5)),
    lab('bench-scr', patientRef, '2160-0', 1.3, 'mg/dL', ago(nowMs, 5)),
    lab('bench-wt', patientRef, '29463-7', 72, 'kg', ago(nowMs, 5), 'vital-signs'),
    medicationRequest(
      'bench-ibu',
      patientRef,
      'active',
      '197806',
      'ibuprofen 600 MG Oral Tablet',
      1,
      3,
      'tbl',
    ),
    medicationRequest(
      'bench-apap',
      patientRef,
      'active',
      '198440',
      'acetaminophen 500 MG Oral Tablet',
      2,
      4,
      'tbl',
    ),
    medicationRequest(
      'bench-gaba',
      patientRef,
      'active',
      '310433',
      'gabapentin 600 MG Oral Capsule',
      1,
      3,
      'capsule',
    ),
  ];
}

/**
 * The order-sign draft orders: a second NSAID prescription being signed.
 * @param {string} patientRef - `Patient/<id>`
 * @returns {object} a collection Bundle for `context.draftOrders`
 */
export function draftOrders(patientRef) {
  const draft = medicationRequest(
    'bench-draft-ibu',
    patientRef,
    'draft',
    '197806',
    'ibuprofen 600 MG Oral Tablet',
    1,
    3,
    'tbl',
  );
  return { resourceType: 'Bundle', type: 'collection', entry: [{ resource: draft }] };
}
