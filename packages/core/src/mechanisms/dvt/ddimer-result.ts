import type { FactEvidence } from '../../facts/fact';
import { humanDate } from '../../text/human-date';
import type { MechanismContext } from '../mechanism';
import type { RecordReading } from '../records/record-reading';
import { ddimerReadings, interpretDdimer, type DdimerReading } from './interpret-ddimer';
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
 * @param ctx - the mechanism context
 * @param episodeStartMs - the start of the episode (null: none)
 * @returns the result, once per evaluation
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function ddimerResult(ctx: MechanismContext, episodeStartMs: number | null): DdimerResult {
  const compute = (): DdimerResult => {
    const lines: string[] = [];
    const evidence: FactEvidence[] = [];
    const ignored: FactEvidence[] = [];
    const verdicts = new Set<string>();
    for (const obs of ddimerReadings(ctx)) {
      const ref = obs.ref;
      const reading = readOne(obs, ctx, episodeStartMs);
      if (!reading.ok) {
        const subject = ddimerSubject(obs);
        lines.push(`${subject} ${reading.plain}; not used`);
        ignored.push({ resource: ref, note: reading.reason });
        if (reading.issue) {
          ctx.issues.add({
            severity: 'warning',
            code: 'SOLEUS_FHIR_UNINTERPRETABLE',
            message: `D-dimer ${reading.path}: ${reading.reason}; treated as unknown, never as negative`,
            location: { resource: ref, path: reading.path },
            clinicianText: `${subject} ${reading.plain}; treated as unknown, never as negative`,
          });
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
  };
  return ctx.memo ? ctx.memo('dvt.ddimer', compute) : compute();
}

/** Status, then date, then value: the first reason a result cannot be used wins. */
function readOne(
  obs: RecordReading,
  ctx: MechanismContext,
  episodeStartMs: number | null,
): (DdimerReading & { ok: false }) | (DdimerReading & { ok: true; at: string }) {
  const status = obs.status;
  const preliminary = !status.counts && status.preliminary === true;
  if (!status.counts && !preliminary) {
    const { reason = '', plain = '' } = status;
    return { ok: false, reason, plain, path: status.path, issue: status.issue === true };
  }
  const placed = placeInEpisode(ctx, obs.time, true, episodeStartMs);
  if (!placed.ok) {
    const { reason, plain, issue } = placed;
    return { ok: false, reason, plain, path: obs.timePath, issue };
  }
  const reading = interpretDdimer(obs, placed.atMs, ctx);
  if (!status.counts && (!reading.ok || reading.verdict === 'negative')) {
    // A preliminary result never excludes; only a positive one is used (it blocks exclusion).
    return {
      ok: false,
      reason: status.reason ?? '',
      plain: status.plain ?? '',
      path: status.path,
      issue: false,
    };
  }
  return reading.ok
    ? {
        ...reading,
        line: preliminary ? `${reading.line} (preliminary, not final)` : reading.line,
        at: new Date(placed.atMs).toISOString(),
      }
    : reading;
}
