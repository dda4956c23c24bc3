import type { Observation } from 'fhir/r4';
import type { FactEvidence } from '@soleus/core';
import { observationEffectiveTime } from '../../fhir/observation-effective-time';
import { observationCounts } from '../../fhir/resource-status';
import type { FactContext } from '../../facts/fact-context';
import { resourceRef } from '../../facts/resource-ref';
import { dvtParam, humanDate } from '@soleus/core';
import { interpretDdimer, type DdimerReading } from './interpret-ddimer';
import { memoPerRequest } from '../../facts/memo-per-request';
import { placeInEpisode } from './place-in-episode';
import { ddimerSubject } from './ddimer-subject';

/** The episode's D-dimer: negative, positive, or unknown (none, stale or uninterpretable), and why. */
export interface DdimerResult {
  readonly result: 'negative' | 'positive' | null;
  /** One line per D-dimer looked at: as reported, converted, cutoff and why, verdict — or why it was not used. */
  readonly lines: readonly string[];
  readonly evidence: readonly FactEvidence[];
  readonly ignored: readonly FactEvidence[];
}

/**
 * Reads every D-dimer of the record for the current episode (clinical-spec §A.4): final/amended/corrected
 * results — a preliminary result never excludes, but a preliminary positive counts as positive, so a
 * final negative cannot exclude past it — collected at or after the episode start and within the
 * evidence window; several valid results that disagree → the positive one governs (conservative).
 * Unusable results are listed with their reason, and uninterpretable ones are data-quality issues.
 * @param ctx - the fact context
 * @returns the result, once per request
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function ddimerResult(ctx: FactContext): DdimerResult {
  return memoPerRequest(ctx, 'dvt.ddimer', () => {
    const lines: string[] = [];
    const evidence: FactEvidence[] = [];
    const ignored: FactEvidence[] = [];
    const verdicts = new Set<string>();
    for (const obs of ctx.index.withCodeIn(
      'Observation',
      dvtParam(ctx, 'ddimer.allValueSet', 'string'),
    )) {
      const ref = resourceRef(obs);
      const reading = readOne(obs, ctx);
      if (!reading.ok) {
        const subject = ddimerSubject(obs);
        lines.push(`${subject} ${reading.plain}; not used`);
        ignored.push({ resource: ref, note: reading.reason });
        if (reading.issue) {
          ctx.issues.warn(
            'SOLEUS_FHIR_UNINTERPRETABLE',
            `D-dimer ${reading.path}: ${reading.reason}; treated as unknown, never as negative`,
            { resource: ref, path: reading.path },
            `${subject} ${reading.plain}; treated as unknown, never as negative`,
          );
        }
        continue;
      }
      verdicts.add(reading.verdict);
      lines.push(
        `${reading.value}, ${humanDate(Date.parse(reading.at), ctx.nowMs)}: ${reading.line}`,
      );
      evidence.push({ resource: ref, at: reading.at, note: reading.verdict });
    }
    if (verdicts.size > 1) {
      lines.push('The results disagree: the positive result governs');
    }
    const result = verdicts.has('positive')
      ? 'positive'
      : verdicts.has('negative')
        ? 'negative'
        : null;
    return { result, lines, evidence, ignored };
  });
}

/** Status, then date, then value: the first reason a result cannot be used wins. */
function readOne(
  obs: Observation,
  ctx: FactContext,
): (DdimerReading & { ok: false }) | (DdimerReading & { ok: true; at: string }) {
  const status = observationCounts(obs);
  const preliminary = !status.counts && status.preliminary === true;
  if (!status.counts && !preliminary) {
    const { reason, plain } = status;
    return { ok: false, reason, plain, path: 'status', issue: status.issue === true };
  }
  const placed = placeInEpisode(ctx, observationEffectiveTime(obs), true);
  if (!placed.ok) {
    const { reason, plain, issue } = placed;
    return { ok: false, reason, plain, path: 'effective[x]', issue };
  }
  const reading = interpretDdimer(obs, placed.atMs, ctx);
  if (!status.counts && (!reading.ok || reading.verdict === 'negative')) {
    // A preliminary result never excludes; only a positive one is used (it blocks exclusion).
    return { ok: false, reason: status.reason, plain: status.plain, path: 'status', issue: false };
  }
  return reading.ok
    ? {
        ...reading,
        line: preliminary ? `${reading.line} (preliminary, not final)` : reading.line,
        at: new Date(placed.atMs).toISOString(),
      }
    : reading;
}
