/**
 * The one error class of Soleus and its code table. Callers branch on `err.code`, never on the message.
 * Codes are never reused or renamed once released; `docs/reference/errors.md` mirrors this table and a
 * test keeps them in step.
 */

/** Every error and issue code, with its one-line meaning. */
export const ERROR_CODES = {
  SOLEUS_RULE_SCHEMA: 'Rule file does not match rule.schema.json',
  SOLEUS_RULE_JSON: 'Rule, pack or fact file is not valid JSON',
  SOLEUS_RULE_UNKNOWN_FACT: 'Rule refers to a fact that is not in the fact catalogue',
  SOLEUS_RULE_OPERATOR_TYPE: 'Rule applies an operator to a fact of a type it cannot compare',
  SOLEUS_RULE_UNKNOWN_OPERATOR: 'Rule uses an operator that is not in the operator table',
  SOLEUS_RULE_UNKNOWN_VALUESET: 'Rule refers to a value set that is not loaded',
  SOLEUS_RULE_SUMMARY_TOO_LONG:
    'Card summary is 140 characters or longer (CDS Hooks requires < 140)',
  SOLEUS_RULE_DUPLICATE_ID: 'Two rules share one id',
  SOLEUS_RULE_UNKNOWN_SUPPRESSION: 'Rule suppresses a rule id that does not exist',
  SOLEUS_RULE_UNKNOWN_PACK: 'Rule names a rule pack that has no pack.json',
  SOLEUS_RULE_UNIT: 'Rule threshold unit is not UCUM or does not convert to the fact unit',
  SOLEUS_RULE_TEMPLATE: 'Card text interpolates a fact that is not in the fact catalogue',
  SOLEUS_RULE_OVERRIDE_REASON:
    'Card override reason is not a code of the override-reason CodeSystem, or its display differs',
  SOLEUS_RULE_PACK_EMPTY: 'Rule pack directory holds no rule files',
  SOLEUS_RULE_DUPLICATE_PACK: 'Two pack directories declare one pack id',
  SOLEUS_RULE_TABLE:
    'A decision table, or a rule that reads one, names an unknown table, input, value or outcome',
  SOLEUS_RULE_TABLE_INCOMPLETE: 'A combination of decision-table input values matches no row',
  SOLEUS_RULE_TABLE_OVERLAP:
    'Two rows of a decision table with hit policy unique match one combination',
  SOLEUS_RULE_TABLE_INVARIANT:
    'A decision table gives an outcome one of its safety invariants forbids',
  SOLEUS_FACT_SCHEMA: 'Fact catalogue file does not match facts.schema.json',
  SOLEUS_FACT_DUPLICATE: 'Two fact definitions share one name',
  SOLEUS_FACT_TYPE: 'A fact value does not match the type its catalogue entry declares',
  SOLEUS_FACT_PARAMETER:
    'A derived fact parameter (in its source params or its pack parameters) is missing or of the wrong type',
  SOLEUS_PACK_MECHANISM:
    "A pack's mechanism module does not load, reuses a registered name, or a mechanism failed at run time",
  SOLEUS_PACK_NOT_FOUND: 'An extra pack directory or npm package name does not resolve to a pack',
  SOLEUS_VALUESET_INVALID: 'Value set file is not a FHIR R4 ValueSet with a url and concepts',
  SOLEUS_VALUESET_NOT_FOUND: 'A value set was asked for that is not loaded',
  SOLEUS_VALUESET_DUPLICATE: 'Two value sets share one url',
  SOLEUS_CANONICAL_INVALID:
    'A shipped Questionnaire or CodeSystem file is not FHIR R4 JSON with its resourceType, an id and a url, or repeats one',
  SOLEUS_UNIT_UNKNOWN: 'A unit is missing, is not UCUM, or cannot be converted to the wanted unit',
  SOLEUS_ENGINE_EVALUATION: 'A rule failed while it was evaluated',
  SOLEUS_ENGINE_INVALID_NOW: 'Evaluation time `now` is missing or not a valid instant',
  SOLEUS_FHIR_NOT_A_BUNDLE: 'Input is not a FHIR R4 Bundle',
  SOLEUS_FHIR_INVALID_RESOURCE: 'A FHIR resource is structurally invalid and was skipped',
  SOLEUS_FHIR_NO_PATIENT: 'The input holds no Patient resource',
  SOLEUS_FHIR_PATIENT_AMBIGUOUS:
    'The record holds data of several patients and no context patient was named',
  SOLEUS_FHIR_OUT_OF_SCOPE:
    'Resources of another patient, without a patient reference, or superseded by a later version were ignored',
  SOLEUS_FHIR_UNMAPPED_MEDICATION:
    'A medication could not be identified: its code is not in the medication index and its name is not an RxNorm normalized name',
  SOLEUS_FHIR_MEDICATION_BY_NAME:
    'A medication was identified by its RxNorm normalized name: its code is not in the medication index',
  SOLEUS_FHIR_MEDICATION_CONFLICT:
    'A medication code and its display name different products; the code was used',
  SOLEUS_FHIR_UNINTERPRETABLE:
    'A FHIR value could not be interpreted (unit, date, code) and was treated as unknown',
  SOLEUS_FHIR_CONFLICT:
    'The record and a clinician attestation disagree; the conservative value was kept',
  SOLEUS_FHIR_FETCH: 'Fetching data from the FHIR server failed',
  SOLEUS_HOOK_INVALID_REQUEST: 'The CDS Hooks request does not match the hook definition',
  SOLEUS_HOOK_UNKNOWN_SERVICE: 'No CDS service has that id',
  SOLEUS_HOOK_PREFETCH_MISSING:
    'Prefetch data was neither sent nor fetchable: unknown data, or HTTP 412 when neither the Patient nor the Conditions can be had',
  SOLEUS_HOOK_PREFETCH_OUTCOME:
    'A prefetch value was an OperationOutcome: the client could not supply that data',
  SOLEUS_HOOK_PREFETCH_PARTIAL:
    'A prefetched or fetched searchset has pages that could not be read: the data is partial',
  SOLEUS_HOOK_PREFETCH_TEMPLATE:
    'A prefetch template token could not be filled from the request context',
  SOLEUS_HOOK_INVALID_RESPONSE: 'A CDS Hooks response breaks the CDS Hooks response rules',
  SOLEUS_HOOK_INVALID_FEEDBACK:
    'The feedback body does not match the CDS Hooks feedback definition',
  SOLEUS_HOOK_MALFORMED_JSON: 'The request body is not valid JSON',
  SOLEUS_HOOK_UNSUPPORTED_MEDIA_TYPE: 'The request body is not application/json (HTTP 415)',
  SOLEUS_HOOK_BODY_TOO_LARGE: 'The request body is larger than the configured limit (HTTP 413)',
  SOLEUS_HOOK_UNAUTHORIZED: 'The client JWT is absent or failed verification (HTTP 401)',
  SOLEUS_HOOK_EVALUATION_TIMEOUT:
    'A service call ran past the evaluation time box and was answered with no cards',
  SOLEUS_RXNORM_INDEX:
    'A medication index file or RxNorm release directory is missing, unreadable or invalid',
  SOLEUS_SERVER_CONFIG: 'The server configuration (environment or config file) is invalid',
  SOLEUS_SERVER_INSECURE_BIND:
    'No JWT issuer is configured and the server was asked to listen beyond loopback',
  SOLEUS_SERVER_FEEDBACK_STORE: 'A line of the feedback store could not be read and was skipped',
  SOLEUS_SERVER_STORE_UNAVAILABLE:
    'The feedback store or the shared database did not answer (feedback HTTP 503, JWT HTTP 401)',
  SOLEUS_SERVER_INTERNAL_ERROR: 'An unexpected exception was answered with HTTP 500',
  SOLEUS_SERVER_HOST_REFUSED:
    'Local mode refused a request whose Host is not a loopback name (HTTP 403)',
} as const;

/** A Soleus error or issue code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Where an issue is: a rule file and JSON Pointer, or a FHIR resource and element path. */
export interface IssueLocation {
  /** Rule-pack relative file path (rule, pack, fact or value-set file). */
  readonly file?: string;
  /** RFC 6901 JSON Pointer inside `file`. */
  readonly pointer?: string;
  /** FHIR resource as `Type/id`. */
  readonly resource?: string;
  /** FHIR element path inside `resource`, e.g. `valueQuantity.unit`. */
  readonly path?: string;
}

/** One problem found while loading or evaluating. Messages never hold PHI (no names, no values). */
export interface Issue {
  readonly severity: 'error' | 'warning' | 'information';
  readonly code: ErrorCode;
  /** Says where, what was expected and what was found, and how to fix it. */
  readonly message: string;
  readonly location?: IssueLocation;
  /** Values the caller may log or show if it chooses (may hold clinical values, never identifiers). */
  readonly details?: Readonly<Record<string, unknown>>;
  /**
   * Who must hear about it: the clinician (the default; it reaches the data-quality card because it
   * could change a card) or only the operator (logs, metrics, `soleus dry-run`), e.g. an unidentified
   * product whose name suggests nothing any rule reads.
   */
  readonly audience?: 'clinician' | 'operator';
  /**
   * What the issue concerns. `resourceTypes` are set where it is raised when a whole kind of data is
   * unknown (a prefetch key that could not be had); `facts` are the catalogue facts whose value the
   * issue could have changed, resolved after the facts are computed (see the data-quality routing in
   * docs/reference/data-quality.md).
   */
  readonly concerns?: IssueConcerns;
  /**
   * One plain-language line a clinician reads when the issue could change a card: what was unusable
   * and why, e.g. "D-dimer of 21 Nov 2026: its unit could not be read". It may hold clinical values
   * and dates, so it is shown only inside a card and never logged.
   */
  readonly clinicianText?: string;
  /**
   * Where the issue was shown after evaluation: the ids of the cards it was written into (a clinical
   * card it could change, or `data-quality` when it could only have changed a card that did not
   * fire); empty when it could change no card and was only counted (logs, metrics, dry-run).
   */
  readonly shownIn?: readonly string[];
}

/** What an issue concerns, so it reaches a clinician only when it could change a card. */
export interface IssueConcerns {
  /** Catalogue facts whose value the issue could have changed (unknown, partial or possibly wrong). */
  readonly facts?: readonly string[];
  /** Resource types whose data the issue made unknown or partial in this call. */
  readonly resourceTypes?: readonly string[];
  /** True when the hook's draft orders (or some of them) could not be read. */
  readonly draftOrders?: boolean;
}

/** Options for {@link SoleusError}. */
export interface SoleusErrorOptions {
  readonly issues?: readonly Issue[];
  readonly cause?: unknown;
}

/** The single Soleus error type: a code from {@link ERROR_CODES}, a message and the issues behind it. */
export class SoleusError extends Error {
  override readonly name = 'SoleusError';
  readonly code: ErrorCode;
  readonly issues: readonly Issue[];

  /**
   * @param code - the error code
   * @param message - where, what was expected, what was found
   * @param options - the issues collected and the underlying cause
   */
  constructor(code: ErrorCode, message: string, options: SoleusErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }
}

/**
 * Narrows an unknown thrown value to a {@link SoleusError}.
 * @param err - anything caught
 * @returns true when `err` is a SoleusError
 */
export function isSoleusError(err: unknown): err is SoleusError {
  return err instanceof SoleusError;
}

/**
 * Formats an issue location as `file#/pointer` or `Type/id (path)` for messages.
 * @param location - the issue location
 * @returns a short human-readable location
 */
export function formatLocation(location: IssueLocation | undefined): string {
  if (!location) {
    return '';
  }
  if (location.file !== undefined) {
    return `${location.file}#${location.pointer ?? ''}`;
  }
  if (location.resource !== undefined) {
    return location.path ? `${location.resource} (${location.path})` : location.resource;
  }
  return '';
}
