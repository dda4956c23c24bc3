import type { CodeableConcept, DiagnosticReport, Observation } from 'fhir/r4';
import type { FactEvidence } from '@soleus/core';
import { observationEffectiveTime } from '../../fhir/observation-effective-time';
import { observationCounts } from '../../fhir/resource-status';
import type { FactContext } from '../../facts/fact-context';
import { resourceRef } from '../../facts/resource-ref';
import { windowStart } from '../../facts/window';
import { dvtParam, calendarDate, humanDate } from '@soleus/core';
import { memoPerRequest } from '../../facts/memo-per-request';
import { placeInEpisode } from './place-in-episode';
import { itemSubject } from '../../text/item-subject';
import { capitalised } from '../../text/capitalised';

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

/** A scan resource with its date and whether its status counts. */
interface Scan {
  readonly resource: DiagnosticReport | Observation;
  readonly date: string | undefined;
  readonly statusProblem: { readonly reason: string; readonly plain: string } | null;
  /** Released only as preliminary (or partial): never used to exclude; a positive one blocks it. */
  readonly preliminary: boolean;
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

// DiagnosticReport.status values that are a released result (FHIR R4 diagnostic-report-status).
const REPORT_FINAL = new Set(['final', 'amended', 'corrected', 'appended']);

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
export function ultrasoundResult(ctx: FactContext): UltrasoundResult {
  return memoPerRequest(ctx, 'dvt.ultrasound', () => {
    const lines: string[] = [];
    const evidence: FactEvidence[] = [];
    const ignored: FactEvidence[] = [];
    const verdicts = new Set<string>();
    const negatives: { atMs: number; fresh: boolean }[] = [];
    let pendingPositive = false;
    for (const scan of collectScans(ctx)) {
      const ref = resourceRef(scan.resource);
      if (scan.preliminary) {
        const pending = readScan({ ...scan, statusProblem: null }, ctx);
        pendingPositive ||= pending.ok && pending.verdict === 'positive' && pending.fresh === null;
      }
      const reading = readScan(scan, ctx);
      if (!reading.ok) {
        const subject = itemSubject(scan.resource, 'Leg vein ultrasound');
        lines.push(`${subject} ${reading.plain}; not used`);
        ignored.push({ resource: ref, note: reading.reason });
        if (reading.issue) {
          ctx.issues.warn(
            'SOLEUS_FHIR_UNINTERPRETABLE',
            `venous ultrasound: ${reading.reason}; treated as no scan`,
            { resource: ref },
            `${subject} ${reading.plain}; treated as no scan`,
          );
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
  });
}

function collectScans(ctx: FactContext): Scan[] {
  const valueSet = dvtParam(ctx, 'ultrasound.valueSet', 'string');
  const reports = ctx.index.withCodeIn('DiagnosticReport', valueSet).map((r) => ({
    resource: r,
    date: r.effectiveDateTime ?? r.effectivePeriod?.end ?? r.issued,
    statusProblem: REPORT_FINAL.has(r.status)
      ? null
      : {
          reason: `status "${r.status}" is not a released result`,
          plain: `is ${r.status.replace(/-/g, ' ')}, not a released result`,
        },
    preliminary: r.status === 'preliminary' || r.status === 'partial',
  }));
  const observations = ctx.index.withCodeIn('Observation', valueSet).map((o) => {
    const status = observationCounts(o);
    return {
      resource: o,
      date: observationEffectiveTime(o),
      statusProblem: status.counts ? null : { reason: status.reason, plain: status.plain },
      preliminary: !status.counts && status.preliminary === true,
    };
  });
  return [...reports, ...observations];
}

function readScan(scan: Scan, ctx: FactContext): ScanReading {
  if (scan.statusProblem !== null) {
    return { ok: false, ...scan.statusProblem, issue: false };
  }
  const placed = placeInEpisode(ctx, scan.date, false);
  if (!placed.ok) {
    return { ok: false, reason: placed.reason, plain: placed.plain, issue: placed.issue };
  }
  const fresh = placeInEpisode(ctx, scan.date, true);
  const verdict = readVerdict(scan.resource, ctx);
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
  ctx: FactContext,
): boolean {
  const latestFresh = Math.max(...negatives.filter((n) => n.fresh).map((n) => n.atMs));
  if (!Number.isFinite(latestFresh)) {
    return false;
  }
  const firstBy = windowStart(latestFresh, dvtParam(ctx, 'ultrasound.repeatAfter', 'string'));
  return negatives.some((n) => n.atMs <= firstBy);
}

function readVerdict(
  res: DiagnosticReport | Observation,
  ctx: FactContext,
): 'positive' | 'negative' | 'unclear' {
  const concepts: CodeableConcept[] =
    res.resourceType === 'DiagnosticReport'
      ? (res.conclusionCode ?? [])
      : [
          ...(res.valueCodeableConcept ? [res.valueCodeableConcept] : []),
          ...(res.interpretation ?? []),
        ];
  const inAny = (sets: readonly string[]): boolean =>
    concepts.some((c) => sets.some((vs) => ctx.index.conceptIn(vs, c)));
  const pos = inAny(dvtParam(ctx, 'ultrasound.positiveValueSets', 'string[]'));
  const neg = inAny(dvtParam(ctx, 'ultrasound.negativeValueSets', 'string[]'));
  return pos === neg ? 'unclear' : pos ? 'positive' : 'negative';
}
