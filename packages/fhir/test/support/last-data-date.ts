import type { Bundle, FhirResource } from 'fhir/r4';

const INSTANT_KEYS = [
  'effectiveDateTime',
  'effectiveInstant',
  'issued',
  'authoredOn',
  'authored',
  'onsetDateTime',
  'recordedDate',
  'performedDateTime',
  'date',
] as const;
const PERIOD_KEYS = ['effectivePeriod', 'performedPeriod', 'period', 'onsetPeriod'] as const;

/**
 * The latest clinical date in a record (effective, issued, authored, onset, recorded, performed, or a
 * period's end or start): a record evaluated at this instant is "seen the day its data were current",
 * so windows (30 days for electrolytes, 90 for renal function) are not stale merely because a
 * synthetic record is years old.
 * @param bundle - the record
 * @returns the instant as ISO 8601
 * @throws Error when the record holds no date at all
 */
export function lastDataDate(bundle: Bundle<FhirResource>): string {
  let latest = -Infinity;
  const consider = (text: unknown): void => {
    const ms = typeof text === 'string' ? Date.parse(text) : Number.NaN;
    if (!Number.isNaN(ms) && ms > latest) {
      latest = ms;
    }
  };
  for (const entry of bundle.entry ?? []) {
    const resource = (entry.resource ?? {}) as Record<string, unknown>;
    INSTANT_KEYS.forEach((key) => consider(resource[key]));
    for (const key of PERIOD_KEYS) {
      const period = resource[key] as { start?: string; end?: string } | undefined;
      consider(period?.end ?? period?.start);
    }
  }
  if (!Number.isFinite(latest)) {
    throw new Error('the record holds no clinical date');
  }
  return new Date(latest).toISOString();
}
