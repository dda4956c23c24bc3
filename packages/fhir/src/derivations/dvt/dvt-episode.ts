/**
 * The DVT episode (clinical-spec §A.1): a current calf/lower-leg pain or leg swelling Condition, or a
 * *unilateral* cramp Condition, with a day-precise onset inside the trigger window (pack parameter,
 * 14 days) opens it; the episode starts at the earliest such onset. Conditions dated only to the year or
 * month, or not at all, describe history and never open an episode (§9.3a); bilateral or unsided
 * cramps go to rule set B, not here.
 */
import type { Condition } from 'fhir/r4';
import type { FactEvidence } from '@soleus/core';
import { conditionOnset } from '../../fhir/condition-onset';
import { laterality, type Laterality } from '../../fhir/laterality';
import { parseFhirDate } from '../../fhir/parse-fhir-date';
import { conditionCounts } from '../../fhir/resource-status';
import type { FactContext } from '../../facts/fact-context';
import { resourceRef } from '../../facts/resource-ref';
import { windowStart } from '../../facts/window';
import { dvtParam } from './dvt-params';
import { memoPerRequest } from './memo-per-request';

/** The episode: its start (null = no trigger, the DVT pathway does not run) and why. */
export interface DvtEpisode {
  readonly startMs: number | null;
  readonly evidence: readonly FactEvidence[];
  readonly ignored: readonly FactEvidence[];
}

/**
 * Finds the DVT episode of the record, once per request.
 * @param ctx - the fact context
 * @returns the episode
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function dvtEpisode(ctx: FactContext): DvtEpisode {
  return memoPerRequest(ctx, 'dvt.episode', () => findEpisode(ctx));
}

function findEpisode(ctx: FactContext): DvtEpisode {
  const from = windowStart(ctx.nowMs, dvtParam(ctx, 'triggerWindow', 'string'));
  const evidence: FactEvidence[] = [];
  const ignored: FactEvidence[] = [];
  const consider = (condition: Condition, unilateralOnly: boolean): void => {
    const ref = resourceRef(condition);
    const status = conditionCounts(condition, 'current');
    if (!status.counts) {
      ignored.push({ resource: ref, note: `not a current problem: ${status.reason}` });
      return;
    }
    const onset = parseFhirDate(conditionOnset(condition));
    if (!onset || onset.precision === 'year' || onset.precision === 'month') {
      ignored.push({
        resource: ref,
        note: 'onset unknown or coarser than a day: cannot open an episode',
      });
      return;
    }
    if (onset.epochMs < from || onset.epochMs > ctx.nowMs) {
      ignored.push({
        resource: ref,
        at: iso(onset.epochMs),
        note: 'onset outside the trigger window',
      });
      return;
    }
    if (unilateralOnly && !isUnilateral(laterality(condition))) {
      ignored.push({
        resource: ref,
        note: 'cramp not documented as unilateral (rule set B, not the DVT pathway)',
      });
      return;
    }
    evidence.push({ resource: ref, at: iso(onset.epochMs), note: 'DVT pathway trigger' });
  };
  for (const vs of dvtParam(ctx, 'triggerValueSets', 'string[]')) {
    ctx.index.withCodeIn('Condition', vs).forEach((c) => consider(c, false));
  }
  for (const vs of dvtParam(ctx, 'unilateralTriggerValueSets', 'string[]')) {
    ctx.index.withCodeIn('Condition', vs).forEach((c) => consider(c, true));
  }
  const starts = evidence.map((e) => Date.parse(e.at ?? ''));
  const startMs = starts.length > 0 ? Math.min(...starts) : null;
  return { startMs, evidence: dedupe(evidence), ignored: dedupe(ignored) };
}

function isUnilateral(side: Laterality): boolean {
  return side === 'left' || side === 'right';
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** A Condition in two trigger value sets is listed once. */
function dedupe(items: readonly FactEvidence[]): FactEvidence[] {
  const seen = new Set<string>();
  return items.filter((e) => !seen.has(e.resource) && seen.add(e.resource) !== undefined);
}
