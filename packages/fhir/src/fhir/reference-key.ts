/**
 * Normalises FHIR references to the keys a bundle index uses, so `Patient/1`, `Patient/1/_history/2`,
 * `https://ehr.example/fhir/Patient/1` and a bundle entry's `fullUrl` all meet.
 */

/** Where a reference was found, for contained (`#id`) references. */
export interface ReferenceScope {
  /** Key of the resource holding the `contained` array (e.g. `MedicationRequest/m1`). */
  readonly container?: string;
}

const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const ABSOLUTE =
  /^https?:\/\/[^?#\s]+?\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;
const URN = /^urn:(uuid|oid):(\S+)$/i;
const CONTAINED = /^#([A-Za-z0-9\-.]{1,64})$/;

/**
 * Normalises a reference string: `Type/id` (history dropped) for relative and absolute RESTful URLs,
 * the lower-cased `urn:uuid:…` / `urn:oid:…` as written, and `<container>#id` for contained
 * references. Absolute URLs are keyed by `Type/id` alone, so two servers' `Patient/1` in one bundle
 * would meet (a bundle is one record). Searches (`?`), fragments on URLs and logical references
 * are not references to a resource in the bundle.
 * @param reference - `Reference.reference` or a bundle entry `fullUrl`
 * @param scope - the containing resource's key, needed for `#id`
 * @returns the key, or null when the string cannot name a resource in the bundle
 */
export function referenceKey(
  reference: string | undefined,
  scope: ReferenceScope = {},
): string | null {
  const text = reference?.trim() ?? '';
  const contained = CONTAINED.exec(text);
  if (contained !== null) {
    return scope.container === undefined ? null : `${scope.container}#${contained[1] ?? ''}`;
  }
  const urn = URN.exec(text);
  if (urn !== null) {
    return text.toLowerCase();
  }
  const match = RELATIVE.exec(text) ?? ABSOLUTE.exec(text);
  return match === null ? null : `${match[1] ?? ''}/${match[2] ?? ''}`;
}
