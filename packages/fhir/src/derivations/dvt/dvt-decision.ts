/**
 * The episode's DVT decision (§A.6 via {@link decideDvtCard}) with one guard: `dvt-excluded` never
 * rests on data the client could not supply. A call whose prefetch left some data unknown (a key
 * omitted or failed, a partial searchset) is otherwise evaluated as if that data were empty, so every
 * card that fires on what is known still fires; but when the decision is "excluded", it is taken again
 * with every conclusion drawn from absence in the unknown data withdrawn: Wells history items read
 * from it become unknown, and the D-dimer is not relied on when pregnancy or anticoagulation could not
 * be read. The cards then show that Wells reading, so their text and their decision agree.
 */
import type { FactContext } from '../../facts/fact-context';
import { decideDvtCard, type DvtCard, type DvtDecisionInput } from './decide-dvt-card';
import { ddimerResult } from './ddimer-result';
import { dvtParam } from './dvt-params';
import { memoisedInRequest, memoPerRequest } from './memo-per-request';
import { ultrasoundResult } from './ultrasound-result';
import { wellsScore, type WellsScore } from './wells-score';

/** The decision and the Wells reading it was taken on (the one the cards show). */
export interface DvtDecision {
  readonly card: DvtCard | null;
  readonly wells: WellsScore;
  /** True when `dvt-excluded` was withdrawn because it rested on unknown data. */
  readonly exclusionWithdrawn: boolean;
}

/** Fact names the decision reads (the `dvt.decision` source params). */
export interface DvtDecisionFacts {
  readonly confirmedFact: string;
  readonly reliableFact: string;
  readonly pregnantFact: string;
}

/**
 * Decides the episode's DVT card, once per request.
 * @param facts - the names of the facts the decision reads
 * @param ctx - the fact context (an episode is open)
 * @returns the card, the Wells reading behind it, and whether an exclusion was withdrawn
 */
export function dvtDecision(facts: DvtDecisionFacts, ctx: FactContext): DvtDecision {
  return memoPerRequest(ctx, 'dvt.decision', () => {
    const wells = wellsScore(ctx);
    const input: DvtDecisionInput = {
      triggered: true,
      confirmedCondition: ctx.fact(facts.confirmedFact).value === true,
      wellsClass: wells.wellsClass,
      ultrasound: ultrasoundResult(ctx).result,
      ultrasoundPending: ultrasoundResult(ctx).pendingPositive,
      repeatScanNegative: ultrasoundResult(ctx).repeatNegative,
      ddimer: ddimerResult(ctx).result,
      ddimerReliable: ctx.fact(facts.reliableFact).value === true,
      pregnant: ctx.fact(facts.pregnantFact).value === true,
      ultrasoundScope:
        dvtParam(ctx, 'ultrasoundScope', 'string') === 'whole-leg' ? 'whole-leg' : 'proximal',
    };
    const card = decideDvtCard(input);
    if (card !== 'dvt-excluded' || !restsOnUnknownData(facts, ctx)) {
      return { card, wells, exclusionWithdrawn: false };
    }
    const cautious = wellsScore(ctx, 'incomplete-record');
    const again = decideDvtCard({
      ...input,
      wellsClass: cautious.wellsClass,
      ddimerReliable: input.ddimerReliable && ctx.unknownDataOf(facts.reliableFact).length === 0,
    });
    return { card: again, wells: cautious, exclusionWithdrawn: again !== 'dvt-excluded' };
  });
}

/**
 * The decision of this request when it has been taken.
 * @param ctx - the fact context
 * @returns the decision, or undefined before `dvt.decision` is computed (or without an episode)
 */
export function decidedInRequest(ctx: FactContext): DvtDecision | undefined {
  return memoisedInRequest<DvtDecision>(ctx, 'dvt.decision');
}

function restsOnUnknownData(facts: DvtDecisionFacts, ctx: FactContext): boolean {
  return (
    ctx.unknownDataOf(facts.reliableFact).length > 0 ||
    wellsScore(ctx, 'incomplete-record').wellsClass !== wellsScore(ctx).wellsClass
  );
}
