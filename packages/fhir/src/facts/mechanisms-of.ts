import type { Mechanism, RuleSet } from '@soleus/core';
import { RECORD_MECHANISMS } from '../derivations/record-mechanisms';
import type { DataRequirement } from './data-requirement';
import type { FactContext } from './fact-context';

const cache = new WeakMap<RuleSet, ReadonlyMap<string, Mechanism<FactContext>>>();

/**
 * Every mechanism a rule set's derived facts may name: the rule set's registry (shipped FHIR-free
 * mechanisms and the site packs' own) and the adapter's record-reading ones. The adapter knows no pack:
 * it looks derivations up here by name.
 * @param ruleSet - the loaded rule set
 * @returns name → mechanism (memoised per rule set)
 */
export function mechanismsOf(ruleSet: RuleSet): ReadonlyMap<string, Mechanism<FactContext>> {
  let merged = cache.get(ruleSet);
  if (!merged) {
    merged = new Map<string, Mechanism<FactContext>>([...ruleSet.mechanisms, ...RECORD_MECHANISMS]);
    cache.set(ruleSet, merged);
  }
  return merged;
}

/** The names both the rule set and the adapter register (a site pack reusing a record mechanism's name). */
export function clashingMechanisms(ruleSet: RuleSet): string[] {
  return [...ruleSet.mechanisms.keys()].filter((name) => RECORD_MECHANISMS.has(name));
}

const RESOURCE_TYPES: ReadonlySet<string> = new Set<DataRequirement['resourceType']>([
  'Patient',
  'Observation',
  'Condition',
  'Procedure',
  'MedicationRequest',
  'MedicationStatement',
  'DiagnosticReport',
  'QuestionnaireResponse',
  'Encounter',
]);

/**
 * The data requirements a mechanism declares, kept to the resource types the adapter reads.
 * @param mechanism - a registered mechanism
 * @param params - the derived source's params
 * @param pack - pack parameters by id
 * @returns its requirements (none when it reads only facts)
 */
export function mechanismRequirements(
  mechanism: Mechanism<FactContext>,
  params: Readonly<Record<string, unknown>>,
  pack: (id: string) => Readonly<Record<string, unknown>>,
): DataRequirement[] {
  return (mechanism.requires?.(params, pack) ?? []).filter((r): r is DataRequirement =>
    RESOURCE_TYPES.has(r.resourceType),
  );
}
