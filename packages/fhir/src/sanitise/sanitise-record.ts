/**
 * The defensive entrance of the adapter: every resource of the record and every draft order goes
 * through {@link sanitiseResource} before anything is indexed or read, so no wrongly typed element
 * can reach a fact builder (clinical-spec §9.3a: one bad resource never rejects the request; it is
 * skipped or repaired and reported). Lists that need no change are returned as they are.
 */
import type { FhirResource } from 'fhir/r4';
import type { IndexEntry } from '../facts/record-index';
import type { IssueCollector } from '../facts/issue-collector';
import { sanitiseResource } from './sanitise-resource';

/** The record and draft orders as the fact builders may read them. */
export interface SanitisedRecord {
  readonly entries: readonly IndexEntry[];
  readonly drafts: readonly FhirResource[];
}

/**
 * Checks the record's resources and the draft orders.
 * @param entries - the record's resources (with their fullUrls)
 * @param drafts - the hook's draft orders
 * @param issues - where each problem is reported once
 * @returns the entries and drafts to index: the same lists when every resource is valid
 */
export function sanitiseRecord(
  entries: readonly IndexEntry[],
  drafts: readonly FhirResource[],
  issues: IssueCollector,
): SanitisedRecord {
  return {
    entries: sanitiseList(
      entries,
      (entry) => entry.resource,
      issues,
      (entry, resource) => (resource === entry.resource ? entry : { ...entry, resource }),
    ),
    drafts: sanitiseList(
      drafts,
      (draft) => draft,
      issues,
      (_draft, resource) => resource,
    ),
  };
}

function sanitiseList<T>(
  items: readonly T[],
  resourceOf: (item: T) => unknown,
  issues: IssueCollector,
  rebuild: (item: T, resource: FhirResource) => T,
): readonly T[] {
  let out: T[] | undefined;
  items.forEach((item, index) => {
    const original = resourceOf(item);
    const checked = sanitiseResource(original);
    checked.issues.forEach((issue) => issues.add(issue));
    if (checked.resource === original && out === undefined) {
      return;
    }
    out ??= items.slice(0, index);
    if (checked.resource) {
      out.push(rebuild(item, checked.resource));
    }
  });
  return out ?? items;
}
