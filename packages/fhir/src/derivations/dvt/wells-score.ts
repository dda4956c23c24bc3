/**
 * Interval Wells DVT score (clinical-spec §A.3, §0.3). Each item is present, absent or unknown:
 * history items (cancer, paralysis/cast, bedridden/surgery, previous DVT) come from the record and are
 * absent when nothing qualifies, unless attested; bedside items come only from the latest Wells
 * assessment of the episode and are unknown when not attested; "alternative diagnosis as likely" (−2)
 * only ever from attestation; calf swelling may also be measured (two same-day calf circumferences). A record "present" is never cancelled by an attested "absent" (the
 * discrepancy becomes a data-quality note). `min` sums the present items, `max` adds every unknown
 * positive item; `max` ≤ the unlikely bound → unlikely, `min` ≥ the likely bound → likely, otherwise
 * indeterminate. Items, points and bounds are pack parameters.
 */
import { SoleusError } from '@soleus/core';
import type { FactContext } from '../../facts/fact-context';
import { dvtParam, DVT_PACK } from './dvt-params';
import { memoPerRequest } from './memo-per-request';
import { latestWellsAttestation, type WellsAttestation } from './wells-attestation';

/** One Wells item as the pack defines it. */
interface WellsItemDefinition {
  readonly linkId: string;
  readonly label: string;
  readonly points: number;
  /** Boolean facts that make the item present from the record (history items only). */
  readonly recordFacts?: readonly string[];
  /** A boolean fact measured from the record (true present, false absent, null unknown), e.g. calf swelling. */
  readonly measuredFact?: string;
}

/** Where an item's state came from: the record (history facts), a measurement, the attestation, or nothing. */
export type WellsItemSource = 'record' | 'measured' | 'attestation' | 'none';

/** The state of one item and where it came from. */
export interface WellsItemState {
  readonly linkId: string;
  readonly state: 'present' | 'absent' | 'unknown';
  /** Points the item adds when present (−2 for the alternative diagnosis). */
  readonly points: number;
  readonly source: WellsItemSource;
  /** `Type/id` of the resources the state came from (record evidence, measurements or the attestation). */
  readonly resources: readonly string[];
  /** The record facts that made the item present (e.g. `dvt.recordActiveCancer`): the route it took. */
  readonly routes: readonly string[];
  /** True when the attestation says absent but the record documents the item (the record was kept). */
  readonly conflict?: boolean;
  readonly line: string;
}

/** The interval score. */
export interface WellsScore {
  readonly wellsClass: 'likely' | 'unlikely' | 'indeterminate';
  readonly min: number;
  readonly max: number;
  readonly items: readonly WellsItemState[];
  /** `QuestionnaireResponse/id` of the attestation used, or null when there is none in the episode. */
  readonly attestation: string | null;
}

/**
 * How history items with nothing documented are read: `as-recorded` takes the record as complete
 * (absent, §0.3); `incomplete-record` makes them unknown when the data they are read from could not
 * be had in this call (a prefetch key omitted or failed), so no exclusion rests on missing data.
 */
export type WellsReading = 'as-recorded' | 'incomplete-record';

/**
 * Scores Wells for the current episode, once per request and reading.
 * @param ctx - the fact context
 * @param reading - how history items with nothing documented are read (default `as-recorded`)
 * @returns the interval score
 * @throws {SOLEUS_FACT_SCHEMA} when the pack's Wells parameters are missing or malformed
 */
export function wellsScore(ctx: FactContext, reading: WellsReading = 'as-recorded'): WellsScore {
  return memoPerRequest(ctx, `dvt.wells.${reading}`, () => {
    const attestation = latestWellsAttestation(ctx);
    const items = readItems(ctx).map((item) => scoreItem(item, attestation, ctx, reading));
    const defs = new Map(readItems(ctx).map((d) => [d.linkId, d]));
    let min = 0;
    let unknownPositive = 0;
    for (const item of items) {
      const points = defs.get(item.linkId)?.points ?? 0;
      if (item.state === 'present') {
        min += points;
      } else if (item.state === 'unknown' && points > 0) {
        unknownPositive += points;
      }
    }
    const max = min + unknownPositive;
    const wellsClass =
      max <= dvtParam(ctx, 'wells.unlikelyAtMost', 'number')
        ? 'unlikely'
        : min >= dvtParam(ctx, 'wells.likelyAtLeast', 'number')
          ? 'likely'
          : 'indeterminate';
    return { wellsClass, min, max, items, attestation: attestation?.resource ?? null };
  });
}

function scoreItem(
  item: WellsItemDefinition,
  attestation: WellsAttestation | null,
  ctx: FactContext,
  reading: WellsReading,
): WellsItemState {
  const head = `${item.label} (${item.points > 0 ? '+' : ''}${item.points})`;
  const { linkId, points } = item;
  const attested = attestation?.answers.get(item.linkId);
  const from = attestation ? `attestation ${attestation.resource}` : '';
  const { routes, resources: recordHits } = recordEvidence(item, ctx);
  if (recordHits.length > 0) {
    const conflict = attested === false;
    if (conflict) {
      ctx.issues.warn(
        'SOLEUS_FHIR_CONFLICT',
        `Wells item "${item.linkId}": the record documents it (${recordHits.join(', ')}) but ${from} says absent; the record was kept (an attested absent never cancels a recorded present)`,
        { resource: attestation?.resource ?? '', path: `item.where(linkId='${item.linkId}')` },
      );
    }
    return {
      linkId,
      points,
      state: 'present',
      source: routes.every((r) => r === item.measuredFact) ? 'measured' : 'record',
      resources: recordHits,
      routes,
      ...(conflict ? { conflict } : {}),
      line: `${head}: present — record (${recordHits.join(', ')})`,
    };
  }
  if (attested !== undefined && attestation) {
    return {
      linkId,
      points,
      state: attested ? 'present' : 'absent',
      source: 'attestation',
      resources: [attestation.resource],
      routes: [],
      line: `${head}: ${attested ? 'present' : 'absent'} — ${from}`,
    };
  }
  const unread = reading === 'incomplete-record' ? unreadHistory(item, ctx) : [];
  if (unread.length > 0) {
    const what = `unknown — no ${unread.join(', ')} data could be had in this call`;
    return { ...unknownItem(item), line: `${head}: ${what}` };
  }
  const measured = item.measuredFact ? ctx.fact(item.measuredFact) : undefined;
  if (item.recordFacts !== undefined || measured?.value === false) {
    const wasMeasured = measured?.value === false;
    const resources = wasMeasured ? (measured.evidence ?? []).map((e) => e.resource) : [];
    const source = wasMeasured
      ? `measured (${resources.join(', ')})`
      : 'record (nothing documented)';
    return {
      linkId,
      points,
      state: 'absent',
      source: wasMeasured ? 'measured' : 'record',
      resources,
      routes: wasMeasured && item.measuredFact ? [item.measuredFact] : [],
      line: `${head}: absent — ${source}`,
    };
  }
  const unknown = unknownItem(item);
  return item.points > 0
    ? { ...unknown, line: `${head}: unknown — not attested (bedside examination needed)` }
    : { ...unknown, line: `${head}: not attested — counts 0 (never inferred from the record)` };
}

/** An item nothing decides: unknown, from no source. */
function unknownItem(item: WellsItemDefinition): Omit<WellsItemState, 'line'> {
  return {
    linkId: item.linkId,
    points: item.points,
    state: 'unknown',
    source: 'none',
    resources: [],
    routes: [],
  };
}

/** Resource types a history item is read from whose data is unknown in this call. */
function unreadHistory(item: WellsItemDefinition, ctx: FactContext): string[] {
  return [...new Set((item.recordFacts ?? []).flatMap((name) => ctx.unknownDataOf(name)))];
}

/** The facts (routes) and resources that make the item present from the record or a measurement. */
function recordEvidence(
  item: WellsItemDefinition,
  ctx: FactContext,
): { routes: string[]; resources: string[] } {
  const names = [...(item.recordFacts ?? []), ...(item.measuredFact ? [item.measuredFact] : [])];
  const routes: string[] = [];
  const resources: string[] = [];
  for (const name of names) {
    const fact = ctx.fact(name);
    const hits = fact.value === true ? (fact.evidence ?? []).map((e) => e.resource) : [];
    if (hits.length > 0) {
      routes.push(name);
      resources.push(...hits);
    }
  }
  return { routes, resources };
}

function readItems(ctx: FactContext): WellsItemDefinition[] {
  const wells = ctx.params(DVT_PACK)['wells'] as { items?: unknown } | undefined;
  const items = wells?.items;
  if (!Array.isArray(items) || !items.every(isItemDefinition)) {
    throw new SoleusError(
      'SOLEUS_FACT_SCHEMA',
      'rules/dvt/pack.json#/parameters/wells/items: expected an array of { linkId, label, points, recordFacts? }',
    );
  }
  return items;
}

function isItemDefinition(value: unknown): value is WellsItemDefinition {
  const v = value as Partial<WellsItemDefinition> | null;
  return (
    typeof v?.linkId === 'string' &&
    typeof v.label === 'string' &&
    typeof v.points === 'number' &&
    (v.recordFacts === undefined ||
      (Array.isArray(v.recordFacts) && v.recordFacts.every((f) => typeof f === 'string')))
  );
}
