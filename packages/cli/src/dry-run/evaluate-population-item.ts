import { isSoleusError, type Issue, type RuleSet } from '@soleus/core';
import { evaluateRecord, recordFromBundle, type Hook, type RxnormIndex } from '@soleus/fhir';
import type { ItemOutcome, PopulationItem } from './population-item';

/** What every item of one dry run is evaluated with. */
export interface DryRunSettings {
  readonly hook: Hook;
  /** Evaluation instant, ISO 8601, the same for the whole population. */
  readonly now: string;
  /** Also evaluate rules whose status is `draft` (`--include-drafts`). */
  readonly includeDrafts?: boolean;
}

/**
 * Evaluates one population item and never throws: bad JSON and non-bundles are `rejected`, a failing
 * evaluation is `failed`, each with its code.
 * @param ruleSet - the loaded rule set
 * @param settings - hook and now
 * @param item - the item
 * @param rxnormIndex - a site's medication index (default: the shipped one)
 * @returns the cards and data-quality issues keyed `<code> (<where shown>)`: `in a card` (written into
 *   the card it could change), `data-quality card` (it could only have changed a card that did not
 *   fire) or `counted only` (it could change no card; logs and metrics count it too), or why there are
 *   none
 */
export async function evaluatePopulationItem(
  ruleSet: RuleSet,
  settings: DryRunSettings,
  item: PopulationItem,
  rxnormIndex?: RxnormIndex,
): Promise<ItemOutcome> {
  const base = { index: item.index, label: item.label, cards: [], issues: {} };
  let json: unknown;
  try {
    json = JSON.parse(item.text) as unknown;
  } catch {
    return { ...base, status: 'rejected', reason: 'not JSON' };
  }
  try {
    const record = recordFromBundle(json, 'bundle');
    const outcome = await evaluateRecord(record, {
      ruleSet,
      ...settings,
      ...(rxnormIndex ? { rxnormIndex } : {}),
    });
    const issues: Record<string, number> = {};
    for (const issue of outcome.issues) {
      const key = `${issue.code} (${whereShown(issue)})`;
      issues[key] = (issues[key] ?? 0) + 1;
    }
    const cards = outcome.response.cards.map((c) => ({
      id: c.source.topic?.code ?? '(no topic)',
      indicator: c.indicator,
    }));
    return { ...base, status: 'evaluated', cards, issues };
  } catch (err) {
    if (!isSoleusError(err)) {
      return { ...base, status: 'failed', reason: `unexpected error: ${(err as Error).name}` };
    }
    const status = err.code === 'SOLEUS_FHIR_NOT_A_BUNDLE' ? 'rejected' : 'failed';
    return { ...base, status, reason: `${err.code}: ${err.message}` };
  }
}

function whereShown(issue: Issue): string {
  const shownIn = issue.shownIn ?? [];
  if (shownIn.length === 0) {
    return 'counted only';
  }
  return shownIn.includes('data-quality') ? 'data-quality card' : 'in a card';
}
