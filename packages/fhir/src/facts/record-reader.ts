/**
 * The adapter side of `RecordReader` (@soleus/core): the entries of a value set, read plainly for the
 * mechanisms that interpret entries themselves. Status rules (entered-in-error, superseded, uncertain
 * verification, preliminary), times, values and names are read here, from FHIR; the mechanism decides
 * what they mean. Nothing here names a clinical concept. Another patient's entries and superseded
 * versions never reach the index this reads (bundle-to-facts scopes the record first).
 */
import { calendarDate } from '@soleus/core';
import type { CodeableConcept, Condition, DiagnosticReport, Observation, Quantity } from 'fhir/r4';
import type {
  ReadingQuantity,
  ReadingValue,
  RecordQuery,
  RecordReader,
  RecordReading,
  ReadingStatus,
} from '@soleus/core';
import { ageAt } from '../fhir/age-at';
import { conditionOnset } from '../fhir/condition-onset';
import { observationEffectiveTime } from '../fhir/observation-effective-time';
import { parseFhirDate } from '../fhir/parse-fhir-date';
import { readResultValue, type ResultValue } from '../fhir/read-result-value';
import { conditionCounts, observationCounts, type StatusVerdict } from '../fhir/resource-status';
import { describeResource } from '../text/describe-resource';
import { kindWord } from '../text/item-subject';
import { readAnswers } from './read-answers';
import type { RecordIndex } from './record-index';
import { resourceRef } from './resource-ref';

/**
 * A record reader over one request's index.
 * @param index - the request's record index
 * @returns the reader
 */
export function recordReader(index: RecordIndex): RecordReader {
  const patient = index.patient;
  const patientReading = patient
    ? { ref: resourceRef(patient), ageAt: (atMs: number) => ageAt(patient.birthDate, atMs) }
    : null;
  return {
    patient: () => patientReading,
    answers: (query) => readAnswers(index, query),
    describe: (ref) => {
      const resource = index.resolve(ref);
      return resource ? describeResource(resource) : null;
    },
    read: (query) => {
      switch (query.kind) {
        case 'Condition':
          return index
            .withCodeIn('Condition', query.valueSet)
            .map((c) => readCondition(c, query, index));
        case 'DiagnosticReport':
          return index
            .withCodeIn('DiagnosticReport', query.valueSet)
            .map((r) => readReport(r, query, index));
        case 'Observation':
          return index
            .withCodeIn('Observation', query.valueSet)
            .map((o) => readObservation(o, query, index));
      }
    },
  };
}

// DiagnosticReport.status values that are a released result (FHIR R4 diagnostic-report-status).
const REPORT_FINAL = new Set(['final', 'amended', 'corrected', 'appended']);

function readReport(
  report: DiagnosticReport,
  query: RecordQuery,
  index: RecordIndex,
): RecordReading {
  const status = report.status;
  return {
    ...common(report, query, index),
    time: parseFhirDate(report.effectiveDateTime ?? report.effectivePeriod?.end ?? report.issued),
    timePath: 'effective[x]',
    status: REPORT_FINAL.has(status)
      ? { counts: true, path: 'status' }
      : {
          counts: false,
          reason: `status "${status}" is not a released result`,
          plain: `is ${status.replace(/-/g, ' ')}, not a released result`,
          preliminary: status === 'preliminary' || status === 'partial',
          path: 'status',
        },
    value: { kind: 'none' },
    resultIn: resultIn(report.conclusionCode ?? [], query, index),
  };
}

function resultIn(
  concepts: readonly CodeableConcept[],
  query: RecordQuery,
  index: RecordIndex,
): string[] {
  return (query.resultIn ?? []).filter((vs) => concepts.some((c) => index.conceptIn(vs, c)));
}

function readCondition(
  condition: Condition,
  query: RecordQuery,
  index: RecordIndex,
): RecordReading {
  return {
    ...common(condition, query, index),
    time: parseFhirDate(conditionOnset(condition)),
    timePath: 'onset[x]',
    status: statusOf(conditionCounts(condition, query.use ?? 'current'), 'clinicalStatus'),
    value: { kind: 'none' },
    resultIn: [],
  };
}

function readObservation(obs: Observation, query: RecordQuery, index: RecordIndex): RecordReading {
  const positive = query.positiveValueSet;
  const negative = query.negativeValueSet;
  const value = readResultValue(obs, {
    ...(positive === undefined ? {} : { isPositive: (c) => index.conceptIn(positive, c) }),
    ...(negative === undefined ? {} : { isNegative: (c) => index.conceptIn(negative, c) }),
  });
  return {
    ...common(obs, query, index),
    time: parseFhirDate(observationEffectiveTime(obs)),
    timePath: 'effective[x]',
    status: statusOf(observationCounts(obs), 'status'),
    value: plainValue(value),
    resultIn: query.resultIn
      ? resultIn(
          [
            ...(obs.valueCodeableConcept ? [obs.valueCodeableConcept] : []),
            ...(obs.interpretation ?? []),
          ],
          query,
          index,
        )
      : [],
    ...(obs.referenceRange?.[0]?.high
      ? { referenceHigh: quantityOf(obs.referenceRange[0].high) }
      : {}),
  };
}

function common(
  resource: Condition | Observation | DiagnosticReport,
  query: RecordQuery,
  index: RecordIndex,
): Pick<RecordReading, 'ref' | 'codes' | 'alsoIn' | 'name' | 'day' | 'kindWord' | 'valuePath'> {
  const described = describeResource(resource);
  const codes = (resource.code?.coding ?? [])
    .filter((c) => index.codingIn(query.valueSet, c))
    .map((c) => c.code ?? '');
  return {
    ref: resourceRef(resource),
    codes,
    alsoIn: (query.alsoIn ?? []).filter((vs) => index.conceptIn(vs, resource.code)),
    ...(described.name === undefined ? {} : { name: described.name }),
    ...(described.atMs === undefined ? {} : { day: calendarDate(described.atMs) }),
    kindWord: kindWord(resource.resourceType),
    valuePath: 'value[x]',
  };
}

function statusOf(verdict: StatusVerdict, path: string): ReadingStatus {
  return verdict.counts ? { counts: true, path } : { ...verdict, path };
}

function plainValue(value: ResultValue): ReadingValue {
  if (value.kind !== 'quantity') {
    return value;
  }
  return {
    kind: 'quantity',
    ...quantityOf(value.quantity),
    value: value.quantity.value as number,
    fromText: value.fromText,
  };
}

function quantityOf(q: Quantity): ReadingQuantity {
  return {
    ...(q.value === undefined ? {} : { value: q.value }),
    ...(q.unit === undefined ? {} : { unit: q.unit }),
    ...(q.code === undefined ? {} : { code: q.code }),
    ...(q.system === undefined ? {} : { system: q.system }),
    ...(q.comparator === undefined ? {} : { comparator: q.comparator }),
  };
}
