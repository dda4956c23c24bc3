/**
 * Transformations that may only make the result more cautious (issue 11): remove one datum, or
 * downgrade one final result to preliminary. Each yields one variant per resource it can touch, named by
 * the resource, so a relation failure says which datum it was.
 */
type Json = Record<string, unknown>;

/** One variant of a record: what was changed and the changed bundle. */
export interface CautiousVariant {
  /** `Type/id` of the resource removed or downgraded. */
  readonly resource: string;
  readonly bundle: unknown;
}

const FINAL = new Set(['final', 'amended', 'corrected']);

function entriesOf(bundle: unknown): Json[] {
  const entry = (bundle as { entry?: unknown }).entry;
  return Array.isArray(entry) ? (entry as Json[]) : [];
}

function refOf(entry: Json): string {
  const r = entry['resource'] as Json;
  return `${String(r['resourceType'])}/${String(r['id'] ?? '(no id)')}`;
}

/**
 * The record without one of its data — the resource with all its versions (the Patient and shared
 * resources are kept: they are not data).
 * @param bundle - the record bundle
 * @returns one variant per removable resource
 */
export function removeOneDatum(bundle: unknown): CautiousVariant[] {
  const entries = entriesOf(bundle);
  const refs = [...new Set(entries.filter((e) => isData(e['resource'] as Json)).map(refOf))];
  return refs.map((ref) => ({
    resource: ref,
    bundle: { ...(bundle as Json), entry: entries.filter((e) => refOf(e) !== ref) },
  }));
}

function isData(r: Json): boolean {
  return (
    r['resourceType'] !== 'Patient' && (r['subject'] !== undefined || r['patient'] !== undefined)
  );
}

/**
 * The record with one final (amended, corrected) Observation or DiagnosticReport made preliminary.
 * @param bundle - the record bundle
 * @returns one variant per final result
 */
export function downgradeOneResult(bundle: unknown): CautiousVariant[] {
  const entries = entriesOf(bundle);
  return entries.flatMap((entry, i) => {
    const r = entry['resource'] as Json;
    const result = r['resourceType'] === 'Observation' || r['resourceType'] === 'DiagnosticReport';
    if (!result || !FINAL.has(String(r['status']))) {
      return [];
    }
    const downgraded = entries.map((e, j) =>
      j === i ? { ...e, resource: { ...(e['resource'] as Json), status: 'preliminary' } } : e,
    );
    return [{ resource: refOf(entry), bundle: { ...(bundle as Json), entry: downgraded } }];
  });
}
