/**
 * The Wells assessment as data (fact `dvt.wellsBreakdown`): class, interval bounds and, per item, its
 * state, points, where it came from and through which record route, in the reading the decision was
 * taken on (`decisionFact`, as the other Wells facts). No rule needs it to fire; the Wells
 * SMART app reads it to pre-fill the form and show the source of each item, so the app never repeats
 * the scoring in the browser. Unknown (null) when no episode is open.
 */
import type { FactObject } from '@soleus/core';
import type { Derivation } from '../../facts/derivations';
import { dvtEpisode } from './dvt-episode';
import { shownWells } from './shown-wells';

/** Derivation `dvt.wellsBreakdown`. */
export const wellsBreakdown: Derivation = {
  compute: (params, ctx) => {
    if (dvtEpisode(ctx).startMs === null) {
      return { value: null };
    }
    const score = shownWells(params, ctx);
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
  },
  requires: () => [{ resourceType: 'QuestionnaireResponse' }],
};
