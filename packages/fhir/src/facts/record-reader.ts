/**
 * The adapter side of `RecordReader` (@soleus/core): the entries of a value set, read plainly for the
 * mechanisms that interpret entries themselves. Status rules (entered-in-error, superseded, uncertain
 * verification, preliminary), times, values and names are read here, from FHIR; the mechanism decides
 * what they mean. Nothing here names a clinical concept. Another patient's entries and superseded
 * versions never reach the index this reads (bundle-to-facts scopes the record first).
 */
import { calendarDate } from '@soleus/core';
import type {
  CodeableConcept,
  Condition,
  DiagnosticReport,
  Encounter,
  FhirResource,
  Observation,
  Quantity,
} from 'fhir/r4';
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
import { laterality } from '../fhir/laterality';
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
          return entries(index, 'Condition', query.valueSet).map((c) =>
            readCondition(c, query, index),
          );
        case 'DiagnosticReport':
          return entries(index, 'DiagnosticReport', query.valueSet).map((r) =>
            readReport(r, query, index),
          );
        case 'Observation':
          return entries(index, 'Observation', query.valueSet).map((o) =>
            readObservation(o, query, index),
          );
        case 'Encounter':
          return entries(index, 'Encounter', query.valueSet).map((e) =>
            readEncounter(e, query, index),
          );
      }
    },
  };
}

/** The entries of a type with a code in the value set; every entry of the type when none is given. */
function entries<T extends 'Condition' | 'DiagnosticReport' | 'Observation' | 'Encounter'>(
  index: RecordIndex,
  type: T,
  valueSet: string | undefined,
): readonly Extract<FhirResource, { resourceType: T }>[] {
  return valueSet === undefined ? index.ofType(type) : index.withCodeIn(type, valueSet);
}

// Encounter.status values that never describe a real visit (FHIR R4 encounter-status).
const ENCOUNTER_NEVER = new Set(['planned', 'cancelled', 'entered-in-error']);

function readEncounter(
  encounter: Encounter,
  query: RecordQuery,
  index: RecordIndex,
): RecordReading {
  const status = encounter.status;
  const reason = encounter.reasonCode?.[0];
  return {
    ...common(encounter, query, index),
    time: parseFhirDate(encounter.period?.start),
    timePath: 'period.start',
    status: ENCOUNTER_NEVER.has(status)
      ? {
          counts: false,
          reason: `encounter status "${status}"`,
          plain: `is ${status.replace(/-/g, ' ')}`,
          path: 'status',
        }
      : { counts: true, path: 'status' },
    value: { kind: 'none' },
    resultIn: [],
    // An Encounter's side is its first reason's, as a Condition's is its code's.
    side: laterality(reason ? { code: reason } : {}),
    inProgress: status === 'in-progress',
    ...(typeof encounter.class?.code === 'string' ? { classCode: encounter.class.code } : {}),
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
    side: laterality(condition),
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
    side: laterality(obs),
    ...(typeof obs.valueBoolean === 'boolean' ? { booleanValue: obs.valueBoolean } : {}),
  };
}

function common(
  resource: Condition | Observation | DiagnosticReport | Encounter,
  query: RecordQuery,
  index: RecordIndex,
): Pick<RecordReading, 'ref' | 'codes' | 'alsoIn' | 'name' | 'day' | 'kindWord' | 'valuePath'> {
  const described = describeResource(resource);
  const valueSet = query.valueSet;
  const code = resource.resourceType === 'Encounter' ? undefined : resource.code;
  const codes =
    valueSet === undefined
      ? []
      : (code?.coding ?? []).filter((c) => index.codingIn(valueSet, c)).map((c) => c.code ?? '');
  return {
    ref: resourceRef(resource),
    codes,
    alsoIn: (query.alsoIn ?? []).filter((vs) => index.conceptIn(vs, code)),
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
