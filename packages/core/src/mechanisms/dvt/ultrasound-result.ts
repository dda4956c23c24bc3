import type { FactEvidence } from '../../facts/fact';
import { capitalised } from '../../text/capitalised';
import { calendarDate, humanDate } from '../../text/human-date';
import type { MechanismContext } from '../mechanism';
import type { RecordReading } from '../records/record-reading';
import { namedSubject } from '../records/reading-subject';
import { windowStartMs } from '../records/window-start-ms';
import { dvtParam } from './dvt-param';
import { placeInEpisode } from './place-in-episode';

/** The episode's venous ultrasound: positive, negative or none (unknown), and why. */
export interface UltrasoundResult {
  readonly result: 'positive' | 'negative' | null;
  /**
   * True when a fresh negative scan follows an earlier negative scan of the episode by at least the
   * pack's `ultrasound.repeatAfter` (NICE: the repeat scan 6–8 days later), whatever the first one's age.
   */
  readonly repeatNegative: boolean;
  readonly lines: readonly string[];
  readonly evidence: readonly FactEvidence[];
  readonly ignored: readonly FactEvidence[];
  /** A preliminary positive scan in the evidence window, with no final positive one. */
  readonly pendingPositive: boolean;
}

type ScanReading =
  | {
      readonly ok: true;
      readonly verdict: 'positive' | 'negative';
      readonly atMs: number;
      /** Why the scan is too old to use alone (reason, and as a clinician predicate), or null. */
      readonly fresh: { readonly reason: string; readonly plain: string } | null;
    }
  | {
      readonly ok: false;
      readonly reason: string;
      readonly plain: string;
      readonly issue: boolean;
    };

/**
 * Reads venous-ultrasound results of the episode (clinical-spec §9.5, §A.7): a DiagnosticReport's
 * `conclusionCode` or an Observation's `valueCodeableConcept`/`interpretation`, code in the pack's
 * venous-ultrasound value set, final/amended/corrected, dated at or after the episode start and within
 * the evidence window. Positive = a positive qualifier or a DVT diagnosis code; a result coded both ways
 * or neither is uninterpretable. Any positive scan governs; a preliminary positive scan leaves the
 * result unknown (it confirms nothing, and no negative scan may exclude past it).
 * @param ctx - the fact context
 * @returns the result, once per request
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function ultrasoundResult(
  ctx: MechanismContext,
  episodeStartMs: number | null,
): UltrasoundResult {
  const compute = (): UltrasoundResult => {
    const lines: string[] = [];
    const evidence: FactEvidence[] = [];
    const ignored: FactEvidence[] = [];
    const verdicts = new Set<string>();
    const negatives: { atMs: number; fresh: boolean }[] = [];
    let pendingPositive = false;
    for (const scan of collectScans(ctx)) {
      const ref = scan.ref;
      const preliminary = !scan.status.counts && scan.status.preliminary === true;
      if (preliminary) {
        const pending = readScan(scan, ctx, episodeStartMs, true);
        pendingPositive ||= pending.ok && pending.verdict === 'positive' && pending.fresh === null;
      }
      const reading = readScan(scan, ctx, episodeStartMs, false);
      if (!reading.ok) {
        const subject = namedSubject(scan, 'Leg vein ultrasound');
        lines.push(`${subject} ${reading.plain}; not used`);
        ignored.push({ resource: ref, note: reading.reason });
        if (reading.issue) {
          ctx.issues.add({
            severity: 'warning',
            code: 'SOLEUS_FHIR_UNINTERPRETABLE',
            message: `venous ultrasound: ${reading.reason}; treated as no scan`,
            location: { resource: ref },
            clinicianText: `${subject} ${reading.plain}; treated as no scan`,
          });
        }
        continue;
      }
      const at = new Date(reading.atMs).toISOString();
      if (reading.verdict === 'negative') {
        negatives.push({ atMs: reading.atMs, fresh: reading.fresh === null });
      }
      if (reading.fresh !== null) {
        lines.push(
          `${capitalised(reading.verdict)} scan of ${calendarDate(reading.atMs)} ${reading.fresh.plain}, so not used alone`,
        );
        ignored.push({ resource: ref, at, note: reading.fresh.reason });
        continue;
      }
      verdicts.add(reading.verdict);
      lines.push(`${capitalised(reading.verdict)}, ${humanDate(reading.atMs, ctx.nowMs)}`);
      evidence.push({ resource: ref, at, note: reading.verdict });
    }
    // A preliminary positive scan confirms nothing, but no negative scan may exclude past it.
    if (pendingPositive && !verdicts.has('positive')) {
      lines.push(
        'A preliminary positive scan awaits its final report: DVT is neither confirmed nor excluded until then',
      );
    }
    const result = verdicts.has('positive')
      ? 'positive'
      : verdicts.has('negative') && !pendingPositive
        ? 'negative'
        : null;
    const repeatNegative = result === 'negative' && isRepeatNegative(negatives, ctx);
    return {
      result,
      repeatNegative,
      lines,
      evidence,
      ignored,
      pendingPositive: pendingPositive && result !== 'positive',
    };
  };
  return ctx.memo ? ctx.memo('dvt.ultrasound', compute) : compute();
}

/** Reports first, then Observations, as the record lists them. */
function collectScans(ctx: MechanismContext): RecordReading[] {
  const valueSet = dvtParam(ctx, 'ultrasound.valueSet', 'string');
  const resultIn = [
    ...dvtParam(ctx, 'ultrasound.positiveValueSets', 'string[]'),
    ...dvtParam(ctx, 'ultrasound.negativeValueSets', 'string[]'),
  ];
  const read = (kind: 'DiagnosticReport' | 'Observation') =>
    ctx.records?.read({ kind, valueSet, resultIn }) ?? [];
  return [...read('DiagnosticReport'), ...read('Observation')];
}

/** `asIfFinal`: read a preliminary scan as if released (does it say positive?). */
function readScan(
  scan: RecordReading,
  ctx: MechanismContext,
  episodeStartMs: number | null,
  asIfFinal: boolean,
): ScanReading {
  if (!scan.status.counts && !asIfFinal) {
    return {
      ok: false,
      reason: scan.status.reason ?? '',
      plain: scan.status.plain ?? '',
      issue: false,
    };
  }
  const placed = placeInEpisode(ctx, scan.time, false, episodeStartMs);
  if (!placed.ok) {
    return { ok: false, reason: placed.reason, plain: placed.plain, issue: placed.issue };
  }
  const fresh = placeInEpisode(ctx, scan.time, true, episodeStartMs);
  const verdict = readVerdict(scan, ctx);
  return verdict === 'unclear'
    ? {
        ok: false,
        reason: 'result not coded as exactly one of positive or negative',
        plain: 'is not coded as either positive or negative',
        issue: true,
      }
    : {
        ok: true,
        verdict,
        atMs: placed.atMs,
        fresh: fresh.ok ? null : { reason: fresh.reason, plain: fresh.plain },
      };
}

function isRepeatNegative(
  negatives: readonly { atMs: number; fresh: boolean }[],
  ctx: MechanismContext,
): boolean {
  const latestFresh = Math.max(...negatives.filter((n) => n.fresh).map((n) => n.atMs));
  if (!Number.isFinite(latestFresh)) {
    return false;
  }
  const firstBy = windowStartMs(latestFresh, dvtParam(ctx, 'ultrasound.repeatAfter', 'string'));
  return negatives.some((n) => n.atMs <= firstBy);
}

function readVerdict(
  scan: RecordReading,
  ctx: MechanismContext,
): 'positive' | 'negative' | 'unclear' {
  const inAny = (sets: readonly string[]): boolean => sets.some((vs) => scan.resultIn.includes(vs));
  const pos = inAny(dvtParam(ctx, 'ultrasound.positiveValueSets', 'string[]'));
  const neg = inAny(dvtParam(ctx, 'ultrasound.negativeValueSets', 'string[]'));
  return pos === neg ? 'unclear' : pos ? 'positive' : 'negative';
}
