/**
 * Every code-system and canonical URI Soleus names, in one place (medplum `constants.ts` style).
 * Code elsewhere imports these constants; it never spells a system URI itself, and clinical codes
 * themselves live in `valuesets/*.valueset.json`, never in TypeScript.
 */

/** LOINC: laboratory and clinical observations. */
export const LOINC = 'http://loinc.org';

/** SNOMED CT: findings, disorders and procedures. */
export const SNOMED = 'http://snomed.info/sct';

/** RxNorm: medication ingredients and products. */
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/** ICD-10-CM: diagnosis codes (value sets may match families by prefix, e.g. `I82.4*`). */
export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';

/** UCUM: units of measure. */
export const UCUM = 'http://unitsofmeasure.org';

/** FHIR Condition.clinicalStatus code system. */
export const CONDITION_CLINICAL = 'http://terminology.hl7.org/CodeSystem/condition-clinical';

/** FHIR Condition.verificationStatus code system. */
export const CONDITION_VER_STATUS = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';

/** FHIR Observation.category code system. */
export const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** Base of every Soleus canonical URL (CodeSystems, ValueSets, Questionnaires). */
export const SOLEUS_CANONICAL_BASE = 'https://soleus.dev/fhir';

/** Soleus CodeSystem of card ids (the `source.topic` of every card). */
export const CARD_SYSTEM = `${SOLEUS_CANONICAL_BASE}/CodeSystem/card`;

/** Soleus CodeSystem of bedside calf findings that no standard code covers (clinical-spec §9.2). */
export const CALF_FINDINGS_SYSTEM = `${SOLEUS_CANONICAL_BASE}/CodeSystem/calf-findings`;

/** Soleus CodeSystem of reasons a clinician gives when overriding a card. */
export const OVERRIDE_REASON_SYSTEM = `${SOLEUS_CANONICAL_BASE}/CodeSystem/override-reason`;

/** Canonical URL of the Soleus Wells DVT Questionnaire (clinical-spec §9.1). */
export const WELLS_QUESTIONNAIRE = `${SOLEUS_CANONICAL_BASE}/Questionnaire/wells-dvt`;

/** Base of Soleus ValueSet canonical URLs. */
export const VALUESET_BASE = `${SOLEUS_CANONICAL_BASE}/ValueSet`;
