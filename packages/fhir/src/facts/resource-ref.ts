/**
 * `Type/id` of a resource, the name issues and evidence use (never a name or identifier of the patient).
 * @param resource - any resource
 * @returns e.g. `Observation/abc`, or `Observation/(no id)`
 */
export function resourceRef(resource: {
  readonly resourceType: string;
  readonly id?: string;
}): string {
  return `${resource.resourceType}/${resource.id ?? '(no id)'}`;
}
