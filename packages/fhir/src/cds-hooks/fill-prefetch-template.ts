/**
 * Prefetch token substitution (CDS Hooks §prefetch-tokens, REQ 55–59). A token is `{{context.<field>}}`
 * for a first-level primitive context field, or one of the user tokens derived from `context.userId`
 * (`Practitioner/123` fills `{{userPractitionerId}}` with `123`). Anything else cannot be filled, and a
 * template that cannot be filled is not fetched: guessing a query could fetch the wrong patient's data.
 *
 * Every value must be a FHIR logical id (`[A-Za-z0-9\-.]{1,64}`) other than `.` and `..`: filled into
 * `Patient/{{context.patientId}}`, a `..` or `.` turns the read into a search over all patients (the
 * URL resolves to `Patient/` or the base), sent with the EHR's token. Such a request is refused with
 * HTTP 400 before anything is fetched ({@link checkTemplateTokens}); values are URL-encoded as well.
 */
import type { Issue } from '@soleus/core';
import type { CdsContext } from './types';

/** The user tokens of CDS Hooks 2.0, keyed by the resource type of `context.userId`. */
const USER_TOKENS: Readonly<Record<string, string>> = {
  userPractitionerId: 'Practitioner',
  userPractitionerRoleId: 'PractitionerRole',
  userPatientId: 'Patient',
  userRelatedPersonId: 'RelatedPerson',
};

const TOKEN = /\{\{\s*([^}]*?)\s*\}\}/g;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

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
  const query = template.replace(TOKEN, (_match, token: string) => {
    const value = tokenValue(token, context);
    if (value === undefined || !isFhirId(value)) {
      unfilled.push(token);
      return '';
    }
    return encodeURIComponent(value);
  });
  return unfilled.length > 0 ? { ok: false, unfilled } : { ok: true, query };
}

/**
 * Checks that every token value the templates would use is a FHIR id, before anything is fetched.
 * @param templates - the service's prefetch templates, key → query
 * @param context - the hook context of the request
 * @returns one SOLEUS_HOOK_INVALID_REQUEST issue per context field whose value is not a usable id
 *   (the value itself is never echoed); empty when every token is safe to send
 */
export function checkTemplateTokens(
  templates: Readonly<Record<string, string>>,
  context: CdsContext,
): Issue[] {
  const issues = new Map<string, Issue>();
  for (const [key, template] of Object.entries(templates)) {
    for (const [, token = ''] of template.matchAll(TOKEN)) {
      const value = tokenValue(token, context);
      const field = token.startsWith('context.') ? token.slice('context.'.length) : 'userId';
      if (value !== undefined && !isFhirId(value) && !issues.has(field)) {
        issues.set(field, {
          severity: 'error',
          code: 'SOLEUS_HOOK_INVALID_REQUEST',
          message: `request#/context/${field}: expected a FHIR id ([A-Za-z0-9-.]{1,64}, not "." or "..") to fill {{${token}}} of prefetch template "${key}"; found a value outside that grammar`,
          location: { pointer: `/context/${field}` },
        });
      }
    }
  }
  return [...issues.values()];
}

function isFhirId(value: string): boolean {
  return FHIR_ID.test(value) && value !== '.' && value !== '..';
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
