import type { Fact } from '../../facts/fact';
import type { Mechanism, MechanismContext } from '../mechanism';
import { checkShownWellsParams, shownWells } from './shown-wells';
import { wellsBreakdown } from './wells-breakdown';
import { wellsItemLines, wellsScoreText, wellsSummaryLine } from './wells-lines';
import { wellsRestsOnMissingData } from './wells-rests-on-missing-data';
import { wellsScore, type WellsScore } from './wells-score';
import { whenTriggered } from './when-triggered';

/**
 * A fact of the Wells reading the cards show (`shownWells`): its params name the decision and the
 * facts that say it rests on missing data, besides the episode anchors.
 */
function shown(compute: (score: WellsScore, ctx: MechanismContext) => Fact): Mechanism {
  const base = whenTriggered((ctx, startMs, params) =>
    compute(shownWells(params, ctx, startMs), ctx),
  );
  return {
    ...base,
    checkParams: (params, pack) => [
      ...(base.checkParams?.(params, pack) ?? []),
      ...checkShownWellsParams(params),
    ],
  };
}

/** The interval Wells mechanisms (FHIR-free: record items through facts, the attestation as answers), by the name dvt.facts.json gives. */
export const WELLS_MECHANISMS: ReadonlyArray<readonly [string, Mechanism]> = [
  [
    'dvt.wellsClassAsRecorded',
    whenTriggered((ctx, startMs) => ({ value: wellsScore(ctx, startMs).wellsClass })),
  ],
  [
    'dvt.wellsRestsOnMissingData',
    whenTriggered((ctx, startMs) => ({ value: wellsRestsOnMissingData(ctx, startMs) })),
  ],
  ['dvt.wellsClass', shown((score) => ({ value: score.wellsClass }))],
  ['dvt.wellsMin', shown((score) => ({ value: score.min }))],
  ['dvt.wellsMax', shown((score) => ({ value: score.max }))],
  ['dvt.wellsItems', shown((score, ctx) => ({ value: wellsItemLines(score, ctx) }))],
  ['dvt.wellsScore', shown((score) => ({ value: wellsScoreText(score) }))],
  ['dvt.wellsSummary', shown((score) => ({ value: wellsSummaryLine(score) }))],
  ['dvt.wellsBreakdown', wellsBreakdown],
];
