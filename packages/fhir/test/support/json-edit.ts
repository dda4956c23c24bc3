/**
 * Test-local JSON Patch: edits applied to a deep copy of a fixture at a JSON Pointer, so request,
 * response and feedback validation tables can state each broken variant in one line.
 */

/** An in-place edit of a JSON body. */
export type Edit = (body: Record<string, unknown>) => void;

function parentOf(
  body: Record<string, unknown>,
  pointer: string,
): [Record<string, unknown>, string] {
  const tokens = pointer.split('/').slice(1);
  const key = tokens.pop() ?? '';
  const parent = tokens.reduce((node, token) => node[token] as Record<string, unknown>, body);
  return [parent, key];
}

/**
 * @param pointer - JSON Pointer of the member to remove
 * @returns the edit
 */
export const del =
  (pointer: string): Edit =>
  (body) => {
    const [parent, key] = parentOf(body, pointer);
    delete parent[key];
  };

/**
 * @param pointer - JSON Pointer of the member to set
 * @param value - its new value
 * @returns the edit
 */
export const set =
  (pointer: string, value: unknown): Edit =>
  (body) => {
    const [parent, key] = parentOf(body, pointer);
    parent[key] = value;
  };

/**
 * @param edits - edits to apply in order
 * @returns one edit applying them all
 */
export const all =
  (...edits: Edit[]): Edit =>
  (body) => {
    edits.forEach((edit) => edit(body));
  };

/**
 * @param base - a JSON fixture
 * @param edit - the edit
 * @returns a deep copy of `base` with `edit` applied
 */
export function edited(base: object, edit: Edit): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(base)) as Record<string, unknown>;
  edit(copy);
  return copy;
}
