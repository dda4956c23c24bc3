/**
 * Prefetch token substitution (CDS Hooks §prefetch-tokens, REQ 55–59). A token is `{{context.<field>}}`
 * for a first-level primitive context field, or one of the user tokens derived from `context.userId`
 * (`Practitioner/123` fills `{{userPractitionerId}}` with `123`). Anything else cannot be filled, and a
 * template that cannot be filled is not fetched: guessing a query could fetch the wrong patient's data.
 */
import type { CdsContext } from './types';

/** The user tokens of CDS Hooks 2.0, keyed by the resource type of `context.userId`. */
const USER_TOKENS: Readonly<Record<string, string>> = {
  userPractitionerId: 'Practitioner',
  userPractitionerRoleId: 'PractitionerRole',
  userPatientId: 'Patient',
  userRelatedPersonId: 'RelatedPerson',
};

/** The outcome of filling one template: the query, or the tokens that could not be filled. */
export type FilledTemplate =
  | { readonly ok: true; readonly query: string }
  | { readonly ok: false; readonly unfilled: readonly string[] };

/**
 * Replaces every `{{token}}` of a prefetch template with its URL-encoded value from the context.
 * @param template - the query template, e.g. `Observation?patient={{context.patientId}}`
 * @param context - the hook context of the request
 * @returns the filled query, or the names of the tokens that had no primitive value
 */
export function fillPrefetchTemplate(template: string, context: CdsContext): FilledTemplate {
  const unfilled: string[] = [];
  const query = template.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_match, token: string) => {
    const value = tokenValue(token, context);
    if (value === undefined) {
      unfilled.push(token);
      return '';
    }
    return encodeURIComponent(value);
  });
  return unfilled.length > 0 ? { ok: false, unfilled } : { ok: true, query };
}

function tokenValue(token: string, context: CdsContext): string | undefined {
  const fields = context as unknown as Readonly<Record<string, unknown>>;
  const contextField = /^context\.([A-Za-z][A-Za-z0-9-]*)$/.exec(token);
  if (contextField) {
    return primitive(fields[contextField[1] ?? '']);
  }
  const userType = USER_TOKENS[token];
  if (userType === undefined) {
    return undefined;
  }
  const userId = fields['userId'];
  if (typeof userId !== 'string' || !userId.startsWith(`${userType}/`)) {
    return undefined;
  }
  const id = userId.slice(userType.length + 1);
  return id.length > 0 ? id : undefined;
}

function primitive(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value.length > 0 ? value : undefined;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return undefined;
}
