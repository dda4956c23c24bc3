import { SoleusError } from '../../errors';
import type { MechanismContext } from '../mechanism';
import { DVT_PACK } from './dvt-param';

/** One Wells item as the pack defines it (`parameters.wells.items`). */
export interface WellsItemDefinition {
  readonly linkId: string;
  readonly label: string;
  readonly points: number;
  /**
   * Boolean facts that make the item present from the record (history items only); a route may carry a
   * label the Wells line names (e.g. "antineoplastic medication ≤ 183 days").
   */
  readonly recordFacts?: readonly WellsRecordRoute[];
  /** A boolean fact measured from the record (true present, false absent, null unknown), e.g. calf swelling. */
  readonly measuredFact?: string;
}

/** A record fact that makes an item present: its name, or its name and the route label to show. */
export type WellsRecordRoute = string | { readonly fact: string; readonly label: string };

/**
 * The Wells items of the DVT pack.
 * @param ctx - the mechanism context
 * @returns the item definitions, in pack order
 * @throws {SOLEUS_FACT_SCHEMA} when `parameters.wells.items` is missing or malformed
 */
export function wellsItems(ctx: MechanismContext): WellsItemDefinition[] {
  const wells = ctx.params(DVT_PACK)['wells'] as { items?: unknown } | undefined;
  const items = wells?.items;
  if (!Array.isArray(items) || !items.every(isItemDefinition)) {
    throw new SoleusError(
      'SOLEUS_FACT_SCHEMA',
      'rules/dvt/pack.json#/parameters/wells/items: expected an array of { linkId, label, points, recordFacts? } (a record fact is a name or { fact, label })',
    );
  }
  return items;
}

/**
 * The fact a route reads.
 * @param route - a record route
 * @returns its fact name
 */
export function routeFact(route: WellsRecordRoute): string {
  return typeof route === 'string' ? route : route.fact;
}

function isItemDefinition(value: unknown): value is WellsItemDefinition {
  const v = value as Partial<WellsItemDefinition> | null;
  return (
    typeof v?.linkId === 'string' &&
    typeof v.label === 'string' &&
    typeof v.points === 'number' &&
    (v.recordFacts === undefined ||
      (Array.isArray(v.recordFacts) && v.recordFacts.every(isRecordRoute)))
  );
}

function isRecordRoute(value: unknown): value is WellsRecordRoute {
  const route = value as { fact?: unknown; label?: unknown } | null;
  return (
    typeof value === 'string' ||
    (typeof route?.fact === 'string' && typeof route.label === 'string')
  );
}
