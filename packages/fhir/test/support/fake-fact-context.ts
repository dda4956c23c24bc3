import type { Fact, FactValue } from '@soleus/core';
import type { FactContext } from '../../src/facts/fact-context';
import { IssueCollector } from '../../src/facts/issue-collector';

/**
 * A FactContext for unit tests of derivations that read only other facts and pack parameters (no
 * record): `fact(name)` answers from `facts` (a bare value or a full Fact), `params(pack)` from `packs`.
 * @param facts - fact name → value or Fact; absent names are unknown
 * @param packs - pack id → parameters
 * @returns the context (other members are absent: a derivation that reads the record fails loudly)
 */
export function fakeFactContext(
  facts: Readonly<Record<string, Fact | FactValue>>,
  packs: Readonly<Record<string, unknown>>,
): FactContext {
  const issues = new IssueCollector();
  const fact = (name: string): Fact => {
    const given = facts[name];
    return given !== null && typeof given === 'object' && !Array.isArray(given) && 'value' in given
      ? (given as Fact)
      : { value: (given ?? null) as FactValue };
  };
  const params = (pack: string): Readonly<Record<string, unknown>> =>
    (packs[pack] ?? {}) as Readonly<Record<string, unknown>>;
  return { issues, fact, params, unknownDataOf: () => [] } as unknown as FactContext;
}
