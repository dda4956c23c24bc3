import type { Fact, FactEvidence } from '@soleus/core';
import { parseFhirDate } from '../fhir/parse-fhir-date';
import { procedureCounts } from '../fhir/resource-status';
import { passesWhere } from './fhirpath-expressions';
import { aggregateCandidates, type Candidate } from './aggregate';
import type { FactContext } from './fact-context';
import type { ProcedureSource } from './fact-source';
import { resourceRef } from './resource-ref';
import { windowStart } from './window';

/**
 * Procedure facts (surgery, cast, chemotherapy): completed (or in progress) procedures in the value set,
 * dated by performedDateTime or performedPeriod (end, else start), inside the window when one is given.
 * @param source - procedure source
 * @param ctx - fact context
 * @returns the fact
 */
export function procedureFact(source: ProcedureSource, ctx: FactContext): Fact {
  const from = windowStart(ctx.nowMs, source.window);
  const candidates: Candidate[] = [];
  const ignored: FactEvidence[] = [];
  for (const procedure of ctx.index.withCodeIn('Procedure', source.valueSet)) {
    if (!passesWhere(source.where, procedure)) {
      continue;
    }
    const ref = resourceRef(procedure);
    const status = procedureCounts(procedure);
    if (!status.counts) {
      ignored.push({ resource: ref, note: status.reason });
      continue;
    }
    const when = parseFhirDate(
      procedure.performedDateTime ??
        procedure.performedPeriod?.end ??
        procedure.performedPeriod?.start,
    );
    const dayPrecise = when !== null && when.precision !== 'year' && when.precision !== 'month';
    if (
      source.window !== undefined &&
      (!when || !dayPrecise || when.epochMs < from || when.epochMs > ctx.nowMs)
    ) {
      ignored.push({
        resource: ref,
        note: `performed date unknown or outside the ${source.window} window`,
      });
      continue;
    }
    candidates.push({ resource: ref, ...(when && dayPrecise ? { atMs: when.epochMs } : {}) });
  }
  return aggregateCandidates(source.aggregate, candidates, ignored);
}
