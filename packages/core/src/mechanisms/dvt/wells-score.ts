/**
 * Interval Wells DVT score (clinical-spec §A.3, §0.3). Each item is present, absent or unknown:
 * history items (cancer, paralysis/cast, bedridden/surgery, previous DVT) come from the record and are
 * absent when nothing qualifies, unless attested; bedside items come only from the latest Wells
 * assessment of the episode and are unknown when not attested; "alternative diagnosis as likely" (−2)
 * only ever from attestation; calf swelling may also be measured (two same-day calf circumferences). A
 * record "present" is never cancelled by an attested "absent" (the discrepancy becomes a data-quality
 * note). `min` sums the present items, `max` adds every unknown positive item; `max` ≤ the unlikely
 * bound → unlikely, `min` ≥ the likely bound → likely, otherwise indeterminate. Items, points and
 * bounds are pack parameters. FHIR-free: items read other facts, the attestation is a plain answers
 * reading.
 */
import type { MechanismContext } from '../mechanism';
import { POSSIBLE_NOT_DOCUMENTED } from '../records/possible-not-documented';
import { dvtParam } from './dvt-param';
import { latestWellsAttestation, type WellsAttestation } from './wells-attestation';
import { routeFact, wellsItems, type WellsItemDefinition } from './wells-items';

/** Where an item's state came from: the record (history facts), a measurement, the attestation, or nothing. */
export type WellsItemSource = 'record' | 'measured' | 'attestation' | 'none';

/** The state of one item and where it came from. */
export interface WellsItemState {
  readonly linkId: string;
  /** The item as the pack names it, e.g. "Active cancer". */
  readonly label: string;
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
  /** Resource types the item is read from whose data could not be had in this call (then unknown). */
  readonly unread?: readonly string[];
  /**
   * True when the item is unknown because the record holds it only as provisional, differential or
   * unconfirmed (`resources` names those records): a clinician must assess it.
   */
  readonly uncertain?: boolean;
  /** The labels of the routes that made a record item present (pack `recordFacts[].label`). */
  readonly routeLabels?: readonly string[];
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
 * Scores Wells for the current episode, once per evaluation and reading (`ctx.memo`).
 * @param ctx - the mechanism context
 * @param episodeStartMs - the episode start (attestations authored before it are ignored)
 * @param reading - how history items with nothing documented are read (default `as-recorded`)
 * @returns the interval score
 * @throws {SOLEUS_FACT_SCHEMA} when the pack's Wells parameters are missing or malformed
 */
export function wellsScore(
  ctx: MechanismContext,
  episodeStartMs: number,
  reading: WellsReading = 'as-recorded',
): WellsScore {
  const compute = (): WellsScore => {
    const attestation = latestWellsAttestation(ctx, episodeStartMs);
    const items = wellsItems(ctx).map((item) => scoreItem(item, attestation, ctx, reading));
    let min = 0;
    let unknownPositive = 0;
    for (const item of items) {
      if (item.state === 'present') {
        min += item.points;
      } else if (item.state === 'unknown' && item.points > 0) {
        unknownPositive += item.points;
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
  };
  return ctx.memo ? ctx.memo(`dvt.wells.${reading}`, compute) : compute();
}

function scoreItem(
  item: WellsItemDefinition,
  attestation: WellsAttestation | null,
  ctx: MechanismContext,
  reading: WellsReading,
): WellsItemState {
  const { linkId, points, label } = item;
  const attested = attestation?.answers.get(item.linkId);
  const { routes, resources: recordHits, shown } = recordEvidence(item, ctx);
  if (recordHits.length > 0) {
    const conflict = attested === false && attestation !== null;
    if (conflict) {
      ctx.issues.add({
        severity: 'warning',
        code: 'SOLEUS_FHIR_CONFLICT',
        message: `Wells item "${item.linkId}": the record documents it (${recordHits.join(', ')}) but attestation ${attestation.resource} says absent; the record was kept (an attested absent never cancels a recorded present)`,
        location: { resource: attestation.resource, path: `item.where(linkId='${item.linkId}')` },
        clinicianText: `Wells item “${label}”: the record documents it but the bedside assessment says no; the record was kept`,
      });
    }
    return {
      linkId,
      label,
      points,
      state: 'present',
      source: routes.every((r) => r === item.measuredFact) ? 'measured' : 'record',
      resources: recordHits,
      routes,
      ...(conflict ? { conflict } : {}),
      ...(shown.length > 0 ? { routeLabels: shown } : {}),
    };
  }
  if (attested !== undefined && attestation) {
    return {
      linkId,
      label,
      points,
      state: attested ? 'present' : 'absent',
      source: 'attestation',
      resources: [attestation.resource],
      routes: [],
    };
  }
  const possible = possibleRecord(item, ctx);
  if (possible.length > 0) {
    return { ...unknownItem(item), resources: possible, uncertain: true };
  }
  const unread = reading === 'incomplete-record' ? unreadHistory(item, ctx) : [];
  if (unread.length > 0) {
    return { ...unknownItem(item), unread };
  }
  const measured = item.measuredFact ? ctx.fact(item.measuredFact) : undefined;
  if (item.recordFacts !== undefined || measured?.value === false) {
    const wasMeasured = measured?.value === false;
    const resources = wasMeasured ? (measured.evidence ?? []).map((e) => e.resource) : [];
    return {
      linkId,
      label,
      points,
      state: 'absent',
      source: wasMeasured ? 'measured' : 'record',
      resources,
      routes: wasMeasured && item.measuredFact ? [item.measuredFact] : [],
    };
  }
  return unknownItem(item);
}

/** An item nothing decides: unknown, from no source. */
function unknownItem(item: WellsItemDefinition): WellsItemState {
  return {
    linkId: item.linkId,
    label: item.label,
    points: item.points,
    state: 'unknown',
    source: 'none',
    resources: [],
    routes: [],
  };
}

/** Resource types a history item is read from whose data is unknown in this call. */
function unreadHistory(item: WellsItemDefinition, ctx: MechanismContext): string[] {
  const unknownDataOf = ctx.unknownDataOf;
  if (!unknownDataOf) {
    return [];
  }
  const names = (item.recordFacts ?? []).map(routeFact);
  return [...new Set(names.flatMap((name) => unknownDataOf(name)))];
}

/** Resources of record facts left unknown by an uncertain (provisional …) Condition. */
function possibleRecord(item: WellsItemDefinition, ctx: MechanismContext): string[] {
  return (item.recordFacts ?? []).flatMap((route) => {
    const fact = ctx.fact(routeFact(route));
    const possible = (fact.ignored ?? []).filter((e) =>
      (e.note ?? '').endsWith(POSSIBLE_NOT_DOCUMENTED),
    );
    return fact.value === null ? possible.map((e) => e.resource) : [];
  });
}

/**
 * The facts (routes) and resources that make the item present from the record or a measurement, and
 * the labels of the routes that did (the Wells line names them).
 */
function recordEvidence(
  item: WellsItemDefinition,
  ctx: MechanismContext,
): { routes: string[]; resources: string[]; shown: string[] } {
  const all = [...(item.recordFacts ?? []), ...(item.measuredFact ? [item.measuredFact] : [])];
  const routes: string[] = [];
  const resources: string[] = [];
  const shown: string[] = [];
  for (const route of all) {
    const name = routeFact(route);
    const fact = ctx.fact(name);
    const hits = fact.value === true ? (fact.evidence ?? []).map((e) => e.resource) : [];
    if (hits.length > 0) {
      routes.push(name);
      resources.push(...hits);
      if (typeof route !== 'string' && !shown.includes(route.label)) {
        shown.push(route.label);
      }
    }
  }
  return { routes, resources, shown };
}
