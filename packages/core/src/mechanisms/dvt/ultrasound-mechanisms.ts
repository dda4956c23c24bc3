import type { Mechanism } from '../mechanism';
import { ultrasoundResult } from './ultrasound-result';
import { whenTriggered } from './when-triggered';

/** `dvt.ultrasoundResult`: the episode's leg-vein ultrasound verdict, with evidence. */
export const ultrasoundVerdict: Mechanism = whenTriggered((ctx, startMs) => {
  const u = ultrasoundResult(ctx, startMs);
  return {
    value: u.result,
    evidence: u.evidence,
    ...(u.ignored.length > 0 ? { ignored: u.ignored } : {}),
  };
});

/** `dvt.ultrasoundPending`: a preliminary positive scan awaits its final report. */
export const ultrasoundPending: Mechanism = whenTriggered((ctx, startMs) => ({
  value: ultrasoundResult(ctx, startMs).pendingPositive,
}));

/** `dvt.ultrasoundRepeatNegative`: a fresh negative scan repeats an earlier negative one. */
export const ultrasoundRepeatNegative: Mechanism = whenTriggered((ctx, startMs) => ({
  value: ultrasoundResult(ctx, startMs).repeatNegative,
}));

/** `dvt.ultrasoundExplanation`: one card line per scan looked at. */
export const ultrasoundExplanation: Mechanism = whenTriggered((ctx, startMs) => {
  const lines = ultrasoundResult(ctx, startMs).lines;
  return { value: lines.length > 0 ? lines : ['None in this episode'] };
});
