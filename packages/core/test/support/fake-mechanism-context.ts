import type { Fact, FactValue, Issue, MechanismContext } from '../../src/index';

/** A MechanismContext whose issues can be listed (once per code and location, as hosts do). */
export interface FakeMechanismContext extends MechanismContext {
  readonly issues: MechanismContext['issues'] & { readonly list: () => Issue[] };
}

/**
 * A MechanismContext for unit tests of mechanisms: `fact(name)` answers from `facts` (a bare value or
 * a full Fact), `params(pack)` from `packs`. No FHIR, no bundle: mechanisms read only these.
 * @param facts - fact name → value or Fact; absent names are unknown
 * @param packs - pack id → parameters
 * @param nowIso - the evaluation instant
 * @returns the context
 */
export function fakeMechanismContext(
  facts: Readonly<Record<string, Fact | FactValue>>,
  packs: Readonly<Record<string, unknown>>,
  nowIso = '2026-01-01T00:00:00Z',
): FakeMechanismContext {
  const byKey = new Map<string, Issue>();
  const fact = (name: string): Fact => {
    const given = facts[name];
    return given !== null && typeof given === 'object' && !Array.isArray(given) && 'value' in given
      ? (given as Fact)
      : { value: (given ?? null) as FactValue };
  };
  const params = (pack: string): Readonly<Record<string, unknown>> =>
    (packs[pack] ?? {}) as Readonly<Record<string, unknown>>;
  const add = (issue: Issue): void => {
    const where = issue.location;
    const key = [issue.code, where?.file, where?.pointer, where?.path].join('|');
    if (!byKey.has(key)) {
      byKey.set(key, issue);
    }
  };
  return {
    nowIso,
    nowMs: Date.parse(nowIso),
    fact,
    params,
    issues: { add, list: () => [...byKey.values()] },
  };
}
