/**
 * The SMART scopes of the Wells app, derived from what it really reads and writes: read access to each
 * resource type the patient-view prefetch templates query (the same data the CDS service evaluates, so
 * the app's answer matches the card's), and write access to QuestionnaireResponse only. SMART App
 * Launch v1 syntax (`patient/Condition.read`), which SMART v2 servers also accept; `openid fhirUser`
 * names the author of the response; `launch` (EHR launch) or `launch/patient` (standalone).
 */

/**
 * @param templates - the patient-view prefetch templates (key → query)
 * @returns the resource types read, sorted
 */
export function readTypes(templates: Readonly<Record<string, string>>): string[] {
  const types = Object.values(templates)
    .map((query) => /^([A-Z][A-Za-z]+)[/?]/.exec(query)?.[1])
    .filter((type): type is string => type !== undefined);
  return [...new Set(types)].sort();
}

/**
 * The scopes the app asks for, without the launch scope (the page adds `launch` or `launch/patient`).
 * @param templates - the patient-view prefetch templates
 * @returns space-separated scopes
 */
export function wellsAppScopes(templates: Readonly<Record<string, string>>): string {
  return [
    'openid',
    'fhirUser',
    ...readTypes(templates).map((type) => `patient/${type}.read`),
    'patient/QuestionnaireResponse.write',
  ].join(' ');
}
