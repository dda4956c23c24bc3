/**
 * The DVT episode (clinical-spec §A.1): a current calf/lower-leg pain or leg swelling Condition (or an
 * Encounter whose reason is one), or a *unilateral* cramp, with a day-precise onset inside the trigger
 * window (pack parameter, 14 days) opens it; so does a current DVT diagnosis Condition of any certainty
 * (pack parameter `diagnosisTriggerValueSets`): a provisional DVT is a *suspected* DVT and runs the
 * pathway (certainty by use). The episode starts at the earliest such onset. Resources
 * dated only to the year or month, or not at all, describe history and never open an episode (§9.3a);
 * bilateral or unsided cramps go to rule set B, not here.
 */
import type { Condition, Encounter } from 'fhir/r4';
import type { FactEvidence } from '@soleus/core';
import { conditionOnset } from '../../fhir/condition-onset';
import { laterality, type Laterality } from '../../fhir/laterality';
import { parseFhirDate } from '../../fhir/parse-fhir-date';
import { conditionCounts } from '../../fhir/resource-status';
import type { FactContext } from '../../facts/fact-context';
import { resourceRef } from '../../facts/resource-ref';
import { windowStart } from '../../facts/window';
import { dvtParam } from '@soleus/core';
import { memoPerRequest } from '../../facts/memo-per-request';

/** The episode: its start (null = no trigger, the DVT pathway does not run) and why. */
export interface DvtEpisode {
  readonly startMs: number | null;
  readonly evidence: readonly FactEvidence[];
  readonly ignored: readonly FactEvidence[];
}

/** A resource that may open the episode, reduced to what the decision needs. */
interface TriggerCandidate {
  readonly ref: string;
  /** Why the resource does not count (status), or null. */
  readonly statusProblem: string | null;
  readonly onset: string | undefined;
  readonly side: Laterality;
}

// Encounter.status values that never describe a real visit (FHIR R4 encounter-status).
const ENCOUNTER_NEVER = new Set(['planned', 'cancelled', 'entered-in-error']);

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
  const sets: [string, boolean][] = [
    ...dvtParam(ctx, 'triggerValueSets', 'string[]').map((vs): [string, boolean] => [vs, false]),
    ...dvtParam(ctx, 'unilateralTriggerValueSets', 'string[]').map((vs): [string, boolean] => [
      vs,
      true,
    ]),
  ];
  const diagnosisSets = new Set(dvtParam(ctx, 'diagnosisTriggerValueSets', 'string[]'));
  sets.push(...[...diagnosisSets].map((vs): [string, boolean] => [vs, false]));
  for (const [vs, unilateralOnly] of sets) {
    const candidates = [
      ...ctx.index.withCodeIn('Condition', vs).map(conditionCandidate),
      // A diagnosis opens an episode as a Condition; encounters open it by their reason (symptoms).
      ...(diagnosisSets.has(vs)
        ? []
        : ctx.index.withCodeIn('Encounter', vs).map(encounterCandidate)),
    ];
    for (const candidate of candidates) {
      const verdict = judge(candidate, unilateralOnly, from, ctx.nowMs);
      (verdict.triggers ? evidence : ignored).push(verdict.item);
    }
  }
  const starts = evidence.map((e) => Date.parse(e.at ?? ''));
  const startMs = starts.length > 0 ? Math.min(...starts) : null;
  return { startMs, evidence: dedupe(evidence), ignored: dedupe(ignored) };
}

function conditionCandidate(condition: Condition): TriggerCandidate {
  const status = conditionCounts(condition, 'current');
  return {
    ref: resourceRef(condition),
    statusProblem: status.counts ? null : `not a current problem: ${status.reason}`,
    onset: conditionOnset(condition),
    side: laterality(condition),
  };
}

function encounterCandidate(encounter: Encounter): TriggerCandidate {
  return {
    ref: resourceRef(encounter),
    statusProblem: ENCOUNTER_NEVER.has(encounter.status)
      ? `encounter status "${encounter.status}"`
      : null,
    onset: encounter.period?.start,
    side: laterality({ ...(encounter.reasonCode?.[0] ? { code: encounter.reasonCode[0] } : {}) }),
  };
}

function judge(
  candidate: TriggerCandidate,
  unilateralOnly: boolean,
  from: number,
  nowMs: number,
): { triggers: boolean; item: FactEvidence } {
  const resource = candidate.ref;
  if (candidate.statusProblem !== null) {
    return { triggers: false, item: { resource, note: candidate.statusProblem } };
  }
  const onset = parseFhirDate(candidate.onset);
  if (!onset || onset.precision === 'year' || onset.precision === 'month') {
    return {
      triggers: false,
      item: { resource, note: 'onset unknown or coarser than a day: cannot open an episode' },
    };
  }
  const at = new Date(onset.epochMs).toISOString();
  if (onset.epochMs < from || onset.epochMs > nowMs) {
    return { triggers: false, item: { resource, at, note: 'onset outside the trigger window' } };
  }
  if (unilateralOnly && candidate.side !== 'left' && candidate.side !== 'right') {
    return {
      triggers: false,
      item: {
        resource,
        note: 'cramp not documented as unilateral (rule set B, not the DVT pathway)',
      },
    };
  }
  return { triggers: true, item: { resource, at, note: 'DVT pathway trigger' } };
}

/** A resource in two trigger value sets is listed once. */
function dedupe(items: readonly FactEvidence[]): FactEvidence[] {
  const seen = new Set<string>();
  return items.filter((e) => !seen.has(e.resource) && seen.add(e.resource) !== undefined);
}
