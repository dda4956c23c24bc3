/**
 * Every string inside a JSON value (depth-first), e.g. the fact names a derived fact's params hold.
 * @param value - any JSON value
 * @returns the strings found
 */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value)) {
    return value.flatMap(stringsIn);
  }
  return value !== null && typeof value === 'object' ? Object.values(value).flatMap(stringsIn) : [];
}
