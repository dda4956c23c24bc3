import type { Observation } from 'fhir/r4';
import {
  normaliseQuantity,
  type Fact,
  type FactDefinition,
  type FactEvidence,
  unitProblem,
} from '@soleus/core';
import { observationEffectiveTime } from '../fhir/observation-effective-time';
import { parseFhirDate } from '../fhir/parse-fhir-date';
import { readResultValue } from '../fhir/read-result-value';
import { observationCounts } from '../fhir/resource-status';
import { compileFhirPath, passesWhere } from './fhirpath-expressions';
import { aggregateCandidates, type Candidate } from './aggregate';
import type { FactContext } from './fact-context';
import type { ObservationSource } from './fact-source';
import { resourceRef } from './resource-ref';
import { windowStart } from './window';
import { itemSubject } from '../text/item-subject';

/**
 * Lab and vital facts: Observations whose code is in the value set, that count (§0.1), carry a date of
 * at least day precision inside the window, and whose value can be read — a quantity only through its
 * unit (§0.2: the unit decides, never the code), also when it is written as text (`valueString` "3.1
 * mmol/L"). Everything skipped is listed in `ignored`; skips for status, date or unit also become
 * data-quality issues; a fact left unknown only by stale results is counted (operator), since no
 * recent result is unknown like none at all.
 * @param definition - catalogue entry (its `unit` is the unit values are converted to)
 * @param source - observation source
 * @param ctx - fact context
 * @returns the fact
 */
export function observationFact(
  definition: FactDefinition,
  source: ObservationSource,
  ctx: FactContext,
): Fact {
  const from = windowStart(ctx.nowMs, source.window);
  const candidates: Candidate[] = [];
  const ignored: FactEvidence[] = [];
  let stale = 0;
  let latestStale: { ref: string; atMs: number } | undefined;
  for (const obs of ctx.index.withCodeIn('Observation', source.valueSet)) {
    if (!passesWhere(source.where, obs)) {
      continue;
    }
    const ref = resourceRef(obs);
    const skip = (note: string, issue: boolean, path: string, plain: string): void => {
      ignored.push({ resource: ref, note });
      if (issue) {
        ctx.issues.warn(
          'SOLEUS_FHIR_UNINTERPRETABLE',
          `${note}; treated as unknown`,
          { resource: ref, path },
          `${itemSubject(obs, definition.label)} ${plain}; treated as unknown`,
        );
      }
    };
    const status = observationCounts(obs);
    if (!status.counts && !(source.includePreliminary && obs.status === 'preliminary')) {
      skip(status.reason, status.issue === true, 'status', status.plain);
      continue;
    }
    const at = parseFhirDate(observationEffectiveTime(obs));
    if (!at || at.precision === 'year' || at.precision === 'month') {
      skip(
        'effective time missing or coarser than a day',
        true,
        'effective[x]',
        'has no date precise to the day',
      );
      continue;
    }
    if (at.epochMs > ctx.nowMs) {
      skip(
        'effective time is after the evaluation time',
        true,
        'effective[x]',
        'is dated in the future',
      );
      continue;
    }
    if (at.epochMs < from) {
      stale += 1;
      if (!latestStale || at.epochMs > latestStale.atMs) {
        latestStale = { ref, atMs: at.epochMs };
      }
      ignored.push({
        resource: ref,
        at: new Date(at.epochMs).toISOString(),
        note: `older than the ${source.window ?? ''} window`,
      });
      continue;
    }
    const value = readValue(obs, source, definition);
    if (!value.ok) {
      skip(value.reason, true, value.path, value.plain);
      continue;
    }
    candidates.push({
      resource: ref,
      atMs: at.epochMs,
      value: value.value,
      ...(value.reported ? { reported: value.reported } : {}),
    });
  }
  if (candidates.length === 0 && latestStale) {
    // No recent result is not unusable data: it is unknown exactly like no result at all, and the rules
    // say what an unknown means (e.g. an "unknown renal function" variant). So it is only counted,
    // never a card line. Located at the latest stale result, so facts reading the same results count
    // it once.
    ctx.issues.count({
      severity: 'information',
      code: 'SOLEUS_FHIR_UNINTERPRETABLE',
      message: `${definition.name}: ${stale} result(s) older than the ${source.window ?? ''} window; the value is unknown`,
      location: { resource: latestStale.ref, path: 'effective[x]' },
    });
  }
  return aggregateCandidates(source.aggregate, candidates, ignored, definition.unit);
}

type ReadResult =
  | { ok: true; value: number | boolean; reported?: string }
  | { ok: false; reason: string; path: string; plain: string };

function readValue(
  obs: Observation,
  source: ObservationSource,
  definition: FactDefinition,
): ReadResult {
  if (source.value === 'presence') {
    return { ok: true, value: true };
  }
  if (source.value === 'expression') {
    return readExpression(obs, source.expression ?? '');
  }
  if (source.value === 'boolean') {
    return typeof obs.valueBoolean === 'boolean'
      ? { ok: true, value: obs.valueBoolean }
      : {
          ok: false,
          reason: 'expected valueBoolean',
          path: 'value[x]',
          plain: 'has no yes/no value',
        };
  }
  const result = readResultValue(obs);
  if (result.kind !== 'quantity') {
    if (result.kind === 'uninterpretable') {
      const { reason, path, plain } = result;
      return { ok: false, reason, path, plain };
    }
    return result.kind === 'none'
      ? {
          ok: false,
          reason: 'expected valueQuantity with a number',
          path: 'value[x]',
          plain: 'has no numeric value',
        }
      : {
          ok: false,
          reason: 'a qualitative result where a number with its unit is needed',
          path: 'value[x]',
          plain: 'is reported as a word, where a number with its unit is needed',
        };
  }
  const q = result.quantity;
  if (typeof q.value !== 'number') {
    return {
      ok: false,
      reason: 'expected valueQuantity with a number',
      path: 'valueQuantity',
      plain: 'has no numeric value',
    };
  }
  const reported = `${q.comparator ?? ''}${q.value} ${q.code ?? q.unit ?? '(no unit)'}`;
  if (q.comparator) {
    return {
      ok: false,
      reason: `value has comparator "${q.comparator}"; an exact value is needed`,
      path: 'valueQuantity.comparator',
      plain: `is reported as ${q.comparator} ${q.value}, not an exact value`,
    };
  }
  const converted = normaliseQuantity({ ...q, value: q.value }, source.analyte ?? definition.name);
  if (!converted.ok) {
    return {
      ok: false,
      reason: `unit "${q.code ?? q.unit ?? ''}" cannot be read: ${converted.reason}`,
      path: 'valueQuantity.unit',
      plain: unitProblem(q.code ?? q.unit),
    };
  }
  return { ok: true, value: converted.value, reported };
}

function readExpression(obs: Observation, expression: string): ReadResult {
  const [first] = compileFhirPath(expression)(obs);
  return typeof first === 'number' || typeof first === 'boolean'
    ? { ok: true, value: first }
    : {
        ok: false,
        reason: `expression gave no number or boolean (${expression})`,
        path: expression,
        plain: 'could not be read',
      };
}
