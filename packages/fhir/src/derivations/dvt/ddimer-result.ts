import type { FactEvidence } from '@soleus/core';
import { observationEffectiveTime } from '../../fhir/observation-effective-time';
import { observationCounts } from '../../fhir/resource-status';
import type { FactContext } from '../../facts/fact-context';
import { resourceRef } from '../../facts/resource-ref';
import { dvtParam } from './dvt-params';
import { interpretDdimer } from './interpret-ddimer';
import { memoPerRequest } from './memo-per-request';
import { placeInEpisode } from './place-in-episode';

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
 * results (a preliminary result never excludes), collected at or after the episode start and within the
 * evidence window; several valid results that disagree → the positive one governs (conservative).
 * Unusable results are data-quality issues and are listed with their reason.
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
      const skip = (reason: string, issue: boolean, path: string): void => {
        lines.push(`${ref}: not used — ${reason}`);
        ignored.push({ resource: ref, note: reason });
        if (issue) {
          ctx.issues.warn(
            'SOLEUS_FHIR_UNINTERPRETABLE',
            `D-dimer ${path}: ${reason}; treated as unknown, never as negative`,
            {
              resource: ref,
              path,
            },
          );
        }
      };
      const status = observationCounts(obs);
      if (!status.counts) {
        skip(status.reason, status.issue === true, 'status');
        continue;
      }
      const placed = placeInEpisode(ctx, observationEffectiveTime(obs), true);
      if (!placed.ok) {
        skip(placed.reason, placed.issue, 'effective[x]');
        continue;
      }
      const reading = interpretDdimer(obs, placed.atMs, ctx);
      if (!reading.ok) {
        skip(reading.reason, reading.issue, reading.path);
        continue;
      }
      verdicts.add(reading.verdict);
      const at = new Date(placed.atMs).toISOString();
      lines.push(`${ref} at ${at}: ${reading.line}`);
      evidence.push({ resource: ref, at, note: reading.verdict });
    }
    const result = verdicts.has('positive')
      ? 'positive'
      : verdicts.has('negative')
        ? 'negative'
        : null;
    if (verdicts.size > 1) {
      lines.push('results disagree: the positive result governs');
    }
    return { result, lines, evidence, ignored };
  });
}
