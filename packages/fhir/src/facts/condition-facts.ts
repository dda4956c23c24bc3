import type { Fact, FactEvidence } from '@soleus/core';
import { conditionOnset } from '../fhir/condition-onset';
import { parseFhirDate } from '../fhir/parse-fhir-date';
import { conditionCounts } from '../fhir/resource-status';
import { passesWhere } from './fhirpath-expressions';
import { aggregateCandidates, type Candidate } from './aggregate';
import type { FactContext } from './fact-context';
import type { ConditionSource } from './fact-source';
import { resourceRef } from './resource-ref';
import { windowStart } from './window';
import { itemSubject } from '../text/item-subject';

/**
 * Problem-list and diagnosis facts (§0.1), read by use (`state`, see CONDITION_USES): refuted and
 * entered-in-error never count, and a broken invariant is a data-quality issue. With a window, only
 * conditions whose onset (onsetDateTime → onsetPeriod.start → recordedDate) is known to the day and
 * falls inside it qualify. No qualifying condition means "not documented" (false), per §0.3 — unless an
 * uncertain one (provisional, differential, unconfirmed) is there for a use that may not rely on it: the
 * fact is then unknown (null), never "absent".
 * @param source - condition source
 * @param ctx - fact context
 * @returns the fact
 */
export function conditionFact(source: ConditionSource, ctx: FactContext): Fact {
  const from = windowStart(ctx.nowMs, source.window);
  const candidates: Candidate[] = [];
  const ignored: FactEvidence[] = [];
  let uncertain = 0;
  for (const condition of ctx.index.withCodeIn('Condition', source.valueSet)) {
    if (!passesWhere(source.where, condition)) {
      continue;
    }
    const ref = resourceRef(condition);
    const status = conditionCounts(condition, source.state);
    const onset = parseFhirDate(conditionOnset(condition));
    const dayPrecise = onset !== null && onset.precision !== 'year' && onset.precision !== 'month';
    if (!status.counts) {
      const at = onset ? { at: new Date(onset.epochMs).toISOString() } : {};
      ignored.push({ resource: ref, ...(status.uncertain ? at : {}), note: status.reason });
      uncertain += status.uncertain && inWindow(onset, source.window, from, ctx.nowMs) ? 1 : 0;
      if (status.issue) {
        ctx.issues.warn(
          'SOLEUS_FHIR_INVALID_RESOURCE',
          `${status.reason}; skipped`,
          { resource: ref, path: 'verificationStatus' },
          `${itemSubject(condition)} ${status.plain}; not used`,
        );
      }
      continue;
    }
    if (source.window !== undefined) {
      if (!onset || !dayPrecise) {
        ignored.push({
          resource: ref,
          note: 'onset unknown or coarser than a day; cannot place it in the window',
        });
        continue;
      }
      if (onset.epochMs < from || onset.epochMs > ctx.nowMs) {
        ignored.push({
          resource: ref,
          at: new Date(onset.epochMs).toISOString(),
          note: `onset outside the ${source.window} window`,
        });
        continue;
      }
    }
    candidates.push({ resource: ref, ...(onset && dayPrecise ? { atMs: onset.epochMs } : {}) });
  }
  const fact = aggregateCandidates(source.aggregate, candidates, ignored);
  // Only uncertain conditions: "possible" — neither present nor absent (dates still come from evidence).
  const presence =
    source.aggregate === 'exists' || source.aggregate === 'count' || source.aggregate === 'ids';
  return presence && candidates.length === 0 && uncertain > 0 ? { ...fact, value: null } : fact;
}

/** Whether an uncertain condition could have qualified (no window, or a day-precise onset inside it). */
function inWindow(
  onset: ReturnType<typeof parseFhirDate>,
  window: string | undefined,
  fromMs: number,
  nowMs: number,
): boolean {
  if (window === undefined) {
    return true;
  }
  const dayPrecise = onset !== null && onset.precision !== 'year' && onset.precision !== 'month';
  return dayPrecise && onset.epochMs >= fromMs && onset.epochMs <= nowMs;
}
