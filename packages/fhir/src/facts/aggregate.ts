import type { Fact, FactEvidence, FactValue } from '@soleus/core';
import type { Aggregate } from './fact-source';

/** A resource that qualified for a fact, with its instant and (for value facts) its value. */
export interface Candidate {
  /** `Type/id`. */
  readonly resource: string;
  /** Effective/onset instant, epoch ms (undefined when the resource has none). */
  readonly atMs?: number;
  /** The value this resource contributes (converted), for latest/min/max. */
  readonly value?: FactValue;
  /** The value as reported, e.g. `3.1 mEq/L`. */
  readonly reported?: string;
}

/**
 * Reduces qualifying resources to one fact value. `exists` over nothing is false ("not documented");
 * value aggregates over nothing are unknown (null) — absence of a measurement is never negative.
 * @param aggregate - the reduction
 * @param candidates - qualifying resources
 * @param ignored - resources looked at and skipped, with the reason
 * @param unit - catalogue unit of number facts
 * @returns the fact
 */
export function aggregateCandidates(
  aggregate: Aggregate,
  candidates: readonly Candidate[],
  ignored: readonly FactEvidence[],
  unit?: string,
): Fact {
  const withIgnored = (fact: Fact): Fact => (ignored.length > 0 ? { ...fact, ignored } : fact);
  switch (aggregate) {
    case 'exists':
      return withIgnored({ value: candidates.length > 0, evidence: candidates.map(toEvidence) });
    case 'count':
      return withIgnored({ value: candidates.length, evidence: candidates.map(toEvidence) });
    case 'ids':
      return withIgnored({
        value: candidates.map((c) => c.resource),
        evidence: candidates.map(toEvidence),
      });
    case 'latest':
    case 'min':
    case 'max':
      return withIgnored(pickValue(aggregate, candidates, unit));
    case 'earliestAt':
    case 'latestAt':
      return withIgnored(pickInstant(aggregate, candidates));
  }
}

function toEvidence(c: Candidate): FactEvidence {
  return {
    resource: c.resource,
    ...(c.atMs === undefined ? {} : { at: new Date(c.atMs).toISOString() }),
    ...(c.reported === undefined ? {} : { reported: c.reported }),
  };
}

function pickValue(
  aggregate: 'latest' | 'min' | 'max',
  candidates: readonly Candidate[],
  unit?: string,
): Fact {
  const valued = candidates.filter((c) => c.value !== undefined && c.value !== null);
  if (valued.length === 0) {
    return { value: null, ...(unit ? { unit } : {}) };
  }
  const best = valued.reduce((a, b) => (better(aggregate, b, a) ? b : a));
  return {
    value: best.value ?? null,
    ...(unit ? { unit } : {}),
    ...(best.atMs === undefined ? {} : { at: new Date(best.atMs).toISOString() }),
    evidence: [toEvidence(best)],
  };
}

/** Ties (same instant or same value) keep the first in input order, so results are deterministic. */
function better(aggregate: 'latest' | 'min' | 'max', b: Candidate, a: Candidate): boolean {
  if (aggregate === 'latest') {
    return (b.atMs ?? -Infinity) > (a.atMs ?? -Infinity);
  }
  const bv = typeof b.value === 'number' ? b.value : NaN;
  const av = typeof a.value === 'number' ? a.value : NaN;
  return aggregate === 'min' ? bv < av : bv > av;
}

function pickInstant(aggregate: 'earliestAt' | 'latestAt', candidates: readonly Candidate[]): Fact {
  const dated = candidates.filter((c) => c.atMs !== undefined);
  if (dated.length === 0) {
    return { value: null };
  }
  const best = dated.reduce((a, b) =>
    aggregate === 'earliestAt'
      ? (b.atMs ?? 0) < (a.atMs ?? 0)
        ? b
        : a
      : (b.atMs ?? 0) > (a.atMs ?? 0)
        ? b
        : a,
  );
  const iso = new Date(best.atMs ?? 0).toISOString();
  return { value: iso, at: iso, evidence: [toEvidence(best)] };
}
