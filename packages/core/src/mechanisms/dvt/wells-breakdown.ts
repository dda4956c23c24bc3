import type { FactObject } from '../../facts/fact';
import type { Mechanism } from '../mechanism';
import { checkShownWellsParams, shownWells } from './shown-wells';
import { whenTriggered } from './when-triggered';

const inEpisode: Mechanism = whenTriggered((ctx, startMs, params) => {
  const score = shownWells(params, ctx, startMs);
  const items: Record<string, FactObject> = {};
  for (const item of score.items) {
    items[item.linkId] = {
      state: item.state,
      source: item.source,
      points: item.points,
      resources: item.resources,
      routes: item.routes,
      conflict: item.conflict === true,
    };
  }
  return {
    value: {
      wellsClass: score.wellsClass,
      min: score.min,
      max: score.max,
      attestation: score.attestation,
      items,
    },
  };
});

/**
 * `dvt.wellsBreakdown`: the Wells assessment as data — class, interval bounds and, per item, its state,
 * points, where it came from and through which record route, in the reading the decision was taken on
 * (`decisionFact`, as the other Wells facts). No rule needs it to fire; the Wells SMART app reads it to
 * pre-fill the form and show the source of each item, so the app never repeats the scoring in the
 * browser. Unknown (null) when no episode is open. It reads the Wells responses itself; everything
 * else through facts.
 */
export const wellsBreakdown: Mechanism = {
  ...inEpisode,
  requires: () => [{ resourceType: 'QuestionnaireResponse' }],
  checkParams: (params, pack) => [
    ...(inEpisode.checkParams?.(params, pack) ?? []),
    ...checkShownWellsParams(params),
  ],
};
