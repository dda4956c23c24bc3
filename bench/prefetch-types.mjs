// The resource types the discovery services prefetch: the bench records are built from these only,
// so every resource of a record travels in the request body.
import { fhir } from './load-pipeline.mjs';

/**
 * Resource types named by any service's prefetch templates.
 * @param {object} ruleSet - the loaded rule set
 * @returns {Set<string>} e.g. Patient, Condition, Observation, MedicationRequest …
 */
export function prefetchTypes(ruleSet) {
  const types = new Set();
  for (const service of fhir.buildDiscovery(ruleSet).services) {
    for (const template of Object.values(service.prefetch ?? {})) {
      const type = /^([A-Za-z]+)[/?]/.exec(template)?.[1];
      if (type) {
        types.add(type);
      }
    }
  }
  return types;
}
