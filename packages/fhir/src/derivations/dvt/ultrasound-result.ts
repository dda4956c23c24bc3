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
  /** How many usable negative scans the episode holds. */
  readonly negativeScans: number;
  readonly lines: readonly string[];
  readonly evidence: readonly FactEvidence[];
  readonly ignored: readonly FactEvidence[];
}

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
    const valueSet = dvtParam(ctx, 'ultrasound.valueSet', 'string');
    const lines: string[] = [];
    const evidence: FactEvidence[] = [];
    const ignored: FactEvidence[] = [];
    let positive = 0;
    let negative = 0;
    const scans: {
      res: DiagnosticReport | Observation;
      date: string | undefined;
      counts: boolean;
      reason: string;
    }[] = [
      ...ctx.index.withCodeIn('DiagnosticReport', valueSet).map((r) => ({
        res: r,
        date: r.effectiveDateTime ?? r.effectivePeriod?.end ?? r.issued,
        counts: REPORT_FINAL.has(r.status),
        reason: `status "${r.status}" is not a released result`,
      })),
      ...ctx.index.withCodeIn('Observation', valueSet).map((o) => {
        const status = observationCounts(o);
        return {
          res: o,
          date: observationEffectiveTime(o),
          counts: status.counts,
          reason: status.counts ? '' : status.reason,
        };
      }),
    ];
    for (const scan of scans) {
      const ref = resourceRef(scan.res);
      const placed = scan.counts ? placeInEpisode(ctx, scan.date, true) : null;
      const verdict = placed?.ok ? readVerdict(scan.res, ctx) : null;
      if (!placed?.ok || verdict === null || verdict === 'unclear') {
        const reason = !scan.counts
          ? scan.reason
          : placed && !placed.ok
            ? placed.reason
            : 'result not coded as positive or negative';
        lines.push(`${ref}: not used — ${reason}`);
        ignored.push({ resource: ref, note: reason });
        if ((placed && !placed.ok && placed.issue) || verdict === 'unclear') {
          ctx.issues.warn(
            'SOLEUS_FHIR_UNINTERPRETABLE',
            `venous ultrasound: ${reason}; treated as no scan`,
            { resource: ref },
          );
        }
        continue;
      }
      positive += verdict === 'positive' ? 1 : 0;
      negative += verdict === 'negative' ? 1 : 0;
      const at = new Date(placed.atMs).toISOString();
      lines.push(`${ref} at ${at}: ${verdict}`);
      evidence.push({ resource: ref, at, note: verdict });
    }
    const result = positive > 0 ? 'positive' : negative > 0 ? 'negative' : null;
    return { result, negativeScans: negative, lines, evidence, ignored };
  });
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
