import type { PatientReading, RecordQuery, RecordReader, RecordReading } from '../../src/index';

/**
 * A RecordReader for unit tests of record-interpreting mechanisms: the readings of each value set are
 * given as plain objects (no FHIR, no bundle). Queries are recorded so a test can see what was asked.
 * A key `Kind valueSet` (e.g. `Encounter https://…/calf-pain`) answers only that kind, a bare `Kind`
 * a query without a value set; a bare value set answers any kind.
 * @param byValueSet - value set (or `Kind valueSet`, or `Kind`) → its readings
 * @returns the reader and the queries it answered
 */
export function fakeRecordReader(
  byValueSet: Readonly<Record<string, readonly RecordReading[]>>,
  patient: PatientReading | null = null,
): RecordReader & { readonly queries: RecordQuery[] } {
  const queries: RecordQuery[] = [];
  return {
    queries,
    patient: () => patient,
    read: (query) => {
      queries.push(query);
      const own = byValueSet[`${query.kind} ${query.valueSet ?? ''}`.trim()];
      return own ?? (query.valueSet === undefined ? undefined : byValueSet[query.valueSet]) ?? [];
    },
  };
}

/**
 * A counting reading of an entry (final, day-precise), overridable field by field.
 * @param ref - `Type/id`
 * @param at - ISO 8601 instant (day-precise unless `precision` is given)
 * @param extra - fields to override
 * @returns the reading
 */
export function reading(
  ref: string,
  at: string | null,
  extra: Partial<RecordReading> = {},
): RecordReading {
  return {
    ref,
    time: at === null ? null : { epochMs: Date.parse(at), precision: 'time' },
    timePath: 'effective[x]',
    status: { counts: true, path: 'status' },
    value: { kind: 'none' },
    valuePath: 'value[x]',
    codes: [],
    alsoIn: [],
    resultIn: [],
    kindWord: 'A result',
    ...extra,
  };
}
