/**
 * The record data one catalogue fact reads: its own source, or its derivation's `requires`, plus —
 * transitively — what the facts named in a derived fact's params read (`"pregnantFact": "dvt.pregnant"`).
 * Discovery turns these into prefetch templates; a request uses them to tell which facts rest on data
 * the client could not supply.
 */
import type { RuleSet } from '@soleus/core';
import { compiledSources } from './compiled-sources';
import { sourceRequirements, type DataRequirement } from './data-requirement';
import { factNamesInParams } from './fact-names-in-params';
import { mechanismRequirements, mechanismsOf } from './mechanisms-of';

const cache = new WeakMap<RuleSet, Map<string, readonly DataRequirement[]>>();

/**
 * Data requirements of one fact, including those of the facts it is derived from.
 * @param ruleSet - the loaded rule set (catalogue and pack parameters)
 * @param name - a catalogue fact name
 * @returns what the fact reads; empty for hook, issue and unknown facts (memoised per rule set)
 */
export function factRequirements(ruleSet: RuleSet, name: string): readonly DataRequirement[] {
  let perFact = cache.get(ruleSet);
  if (!perFact) {
    perFact = new Map();
    cache.set(ruleSet, perFact);
  }
  let requirements = perFact.get(name);
  if (!requirements) {
    requirements = collect(ruleSet, name, new Set());
    perFact.set(name, requirements);
  }
  return requirements;
}

function collect(ruleSet: RuleSet, name: string, seen: Set<string>): DataRequirement[] {
  if (seen.has(name)) {
    return [];
  }
  seen.add(name);
  const source = compiledSources(ruleSet).get(name)?.source;
  if (source?.kind !== 'derived') {
    return source ? sourceRequirements(source) : [];
  }
  const pack = (id: string) => ruleSet.packs.get(id)?.parameters ?? {};
  const mechanism = mechanismsOf(ruleSet).get(source.derivation);
  const own = mechanism ? mechanismRequirements(mechanism, source.params ?? {}, pack) : [];
  const inputs = factNamesInParams(ruleSet, source.params);
  return [...own, ...inputs.flatMap((input) => collect(ruleSet, input, seen))];
}
