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
 * Problem-list and diagnosis facts (§0.1): `current` needs an active/recurrence/relapse clinical status,
 * `history` accepts any clinical status with confirmed or unstated verification; refuted and
 * entered-in-error never count, and a broken invariant is a data-quality issue. With a window, only
 * conditions whose onset (onsetDateTime → onsetPeriod.start → recordedDate) is known to the day and
 * falls inside it qualify. No qualifying condition means "not documented" (false), per §0.3.
 * @param source - condition source
 * @param ctx - fact context
 * @returns the fact
 */
export function conditionFact(source: ConditionSource, ctx: FactContext): Fact {
  const from = windowStart(ctx.nowMs, source.window);
  const candidates: Candidate[] = [];
  const ignored: FactEvidence[] = [];
  for (const condition of ctx.index.withCodeIn('Condition', source.valueSet)) {
    if (!passesWhere(source.where, condition)) {
      continue;
    }
    const ref = resourceRef(condition);
    const status = conditionCounts(condition, source.state);
    if (!status.counts) {
      ignored.push({ resource: ref, note: status.reason });
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
    const onset = parseFhirDate(conditionOnset(condition));
    const dayPrecise = onset !== null && onset.precision !== 'year' && onset.precision !== 'month';
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
  return aggregateCandidates(source.aggregate, candidates, ignored);
}
