import type { CodeableConcept, DiagnosticReport, Observation } from 'fhir/r4';
import type { FactEvidence } from '@soleus/core';
import { observationEffectiveTime } from '../../fhir/observation-effective-time';
import { observationCounts } from '../../fhir/resource-status';
import type { FactContext } from '../../facts/fact-context';
import { resourceRef } from '../../facts/resource-ref';
import { dvtParam } from './dvt-params';
import { memoPerRequest } from './memo-per-request';
import { placeInEpisode } from './place-in-episode';

/** The episode's venous ultrasound: positive, negative or none (unknown), and why. */
export interface UltrasoundResult {
  readonly result: 'positive' | 'negative' | null;
  readonly lines: readonly string[];
  readonly evidence: readonly FactEvidence[];
  readonly ignored: readonly FactEvidence[];
}

/** A scan resource with its date and whether its status counts. */
interface Scan {
  readonly resource: DiagnosticReport | Observation;
  readonly date: string | undefined;
  readonly statusProblem: string | null;
}

type ScanReading =
  | { readonly ok: true; readonly verdict: 'positive' | 'negative'; readonly atMs: number }
  | { readonly ok: false; readonly reason: string; readonly issue: boolean };

// DiagnosticReport.status values that are a released result (FHIR R4 diagnostic-report-status).
const REPORT_FINAL = new Set(['final', 'amended', 'corrected', 'appended']);

/**
 * Reads venous-ultrasound results of the episode (clinical-spec §9.5, §A.7): a DiagnosticReport's
 * `conclusionCode` or an Observation's `valueCodeableConcept`/`interpretation`, code in the pack's
 * venous-ultrasound value set, final/amended/corrected, dated at or after the episode start and within
 * the evidence window. Positive = a positive qualifier or a DVT diagnosis code; a result coded both ways
 * or neither is uninterpretable. Any positive scan governs.
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
    for (const scan of collectScans(ctx)) {
      const ref = resourceRef(scan.resource);
      const reading = readScan(scan, ctx);
      if (!reading.ok) {
        lines.push(`${ref}: not used — ${reading.reason}`);
        ignored.push({ resource: ref, note: reading.reason });
        if (reading.issue) {
          ctx.issues.warn(
            'SOLEUS_FHIR_UNINTERPRETABLE',
            `venous ultrasound: ${reading.reason}; treated as no scan`,
            { resource: ref },
          );
        }
        continue;
      }
      verdicts.add(reading.verdict);
      const at = new Date(reading.atMs).toISOString();
      lines.push(`${ref} at ${at}: ${reading.verdict}`);
      evidence.push({ resource: ref, at, note: reading.verdict });
    }
    const result = verdicts.has('positive')
      ? 'positive'
      : verdicts.has('negative')
        ? 'negative'
        : null;
    return { result, lines, evidence, ignored };
  });
}

function collectScans(ctx: FactContext): Scan[] {
  const valueSet = dvtParam(ctx, 'ultrasound.valueSet', 'string');
  const reports = ctx.index.withCodeIn('DiagnosticReport', valueSet).map((r) => ({
    resource: r,
    date: r.effectiveDateTime ?? r.effectivePeriod?.end ?? r.issued,
    statusProblem: REPORT_FINAL.has(r.status)
      ? null
      : `status "${r.status}" is not a released result`,
  }));
  const observations = ctx.index.withCodeIn('Observation', valueSet).map((o) => {
    const status = observationCounts(o);
    return {
      resource: o,
      date: observationEffectiveTime(o),
      statusProblem: status.counts ? null : status.reason,
    };
  });
  return [...reports, ...observations];
}

function readScan(scan: Scan, ctx: FactContext): ScanReading {
  if (scan.statusProblem !== null) {
    return { ok: false, reason: scan.statusProblem, issue: false };
  }
  const placed = placeInEpisode(ctx, scan.date, true);
  if (!placed.ok) {
    return { ok: false, reason: placed.reason, issue: placed.issue };
  }
  const verdict = readVerdict(scan.resource, ctx);
  return verdict === 'unclear'
    ? { ok: false, reason: 'result not coded as exactly one of positive or negative', issue: true }
    : { ok: true, verdict, atMs: placed.atMs };
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
