import type { FactSet, Issue, LoadedRule, RuleResult } from '@soleus/core';
import type { CdsExtension } from '../cds-hooks/types';
import { compactJson } from '../evaluate/explain-evaluation';

/** The extension key of a card's engineering explanation. */
export const CARD_EXTENSION = 'dev.soleus.card';

/**
 * The engineering side of a card, out of the clinician's text (non-negotiable 4): rule id, version and
 * pack, every leaf that held with its JSON Pointer, fact and the resources behind it, the resources
 * the rule's facts looked at and ignored (with why), and the data-quality issues written into the
 * card (code and location). Nulls and empties are dropped (CDS Hooks REQ 3).
 * @param rule - the fired rule
 * @param result - its result
 * @param facts - the facts of the evaluation
 * @param issues - the issues written into this card
 * @returns the card's `extension`
 */
export function cardExtension(
  rule: LoadedRule,
  result: RuleResult,
  facts: FactSet,
  issues: readonly Issue[],
): CdsExtension {
  const held = result.conditions.filter((c) => c.result);
  const ignored = new Map<string, string>();
  for (const trace of result.conditions) {
    for (const item of facts.get(trace.fact)?.ignored ?? []) {
      ignored.set(item.resource, item.note ?? 'not used');
    }
  }
  const explanation = compactJson({
    rule: rule.definition.id,
    version: rule.definition.version,
    pack: `${rule.pack.id}@${rule.pack.version}`,
    conditions: held.map((c) => ({
      pointer: c.pointer,
      fact: c.fact,
      operator: c.operator,
      value: c.factValue?.value,
      unit: c.factValue?.unit,
      at: c.factValue?.at,
      resources: (c.factValue?.evidence ?? []).map((e) => e.resource),
    })),
    ignored: [...ignored].map(([resource, note]) => ({ resource, note })),
    dataIssues: issues.map((i) => ({ code: i.code, location: i.location, message: i.message })),
  });
  return { [CARD_EXTENSION]: explanation ?? { rule: rule.definition.id } };
}
