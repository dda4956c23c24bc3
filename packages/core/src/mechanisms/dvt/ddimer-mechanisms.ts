import type { Mechanism } from '../mechanism';
import { ddimerResult } from './ddimer-result';
import { whenTriggered } from './when-triggered';

/** `dvt.ddimerResult`: the episode's D-dimer verdict (negative / positive / unknown), with evidence. */
export const ddimerVerdict: Mechanism = whenTriggered((ctx, startMs) => {
  const d = ddimerResult(ctx, startMs);
  return {
    value: d.result,
    evidence: d.evidence,
    ...(d.ignored.length > 0 ? { ignored: d.ignored } : {}),
  };
});

/** `dvt.ddimerExplanation`: one card line per D-dimer looked at. */
export const ddimerExplanation: Mechanism = whenTriggered((ctx, startMs) => {
  const lines = ddimerResult(ctx, startMs).lines;
  return { value: lines.length > 0 ? lines : ['None in this episode'] };
});
