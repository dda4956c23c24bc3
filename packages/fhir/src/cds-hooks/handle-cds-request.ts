/**
 * Transport-neutral CDS Hooks service call (medplum fhir-router style): (serviceId, body, deps) →
 * (status, body). Any HTTP framework maps `status` and sends `body` as JSON. Errors become FHIR
 * OperationOutcome bodies at this one boundary: 400 invalid request, 404 unknown service, 412 when
 * neither the Patient nor the Conditions can be had (any other missing prefetch key is unknown data),
 * 500 anything unexpected — never a stack trace or internals.
 */
import type { FhirResource, OperationOutcome } from 'fhir/r4';
import { isSoleusError, type Issue, type RuleSet } from '@soleus/core';
import { evaluateRecord } from '../evaluate/evaluate-record';
import type { Hook } from '../evaluate/hooks';
import { describeInternalError, type InternalErrorDescription } from './describe-internal-error';
import { bundleResources } from '../fhir/bundle-resources';
import { buildDiscovery } from './discovery';
import type { FhirFetcher } from './fhir-fetcher';
import { checkTemplateTokens } from './fill-prefetch-template';
import { keepValidResponse } from './keep-valid-response';
import { buildOperationOutcome } from './operation-outcome';
import { prefetchRecord } from './prefetch-record';
import type { CdsRequest, CdsResponse, CdsService } from './types';
import { validateCdsRequest } from './validate-cds-request';
import type { RxnormIndex } from '../medications/rxnorm/rxnorm-index';

/** What a service call needs besides the request. */
export interface CdsDeps {
  readonly ruleSet: RuleSet;
  /** The evaluation instant of this call (ISO 8601); the transport supplies it, this module never reads a clock. */
  readonly now: string;
  /** Time box of each prefetch fetch from fhirServer, ms (default 5,000). */
  readonly prefetchTimeoutMs?: number;
  /** Bytes each prefetch key may read from fhirServer, all pages together (default 20 MB). */
  readonly prefetchMaxBytes?: number;
  /** FHIR fetcher override (tests, custom HTTP stacks). */
  readonly fetch?: FhirFetcher;
  readonly uuid?: () => string;
  /** Add the rule trace under `response.extension`. */
  readonly explain?: boolean;
  /** The medication index (default: the shipped one; a site's own from `soleus rxnorm import`). */
  readonly rxnormIndex?: RxnormIndex;
  /** Public base URL of the service, for card links to pages it serves (the Wells app, /fhir). */
  readonly serviceBaseUrl?: string;
}

/** The outcome of a call, for the transport and its logs. */
export interface CdsResult {
  readonly status: 200 | 400 | 404 | 412 | 500;
  readonly body: CdsResponse | OperationOutcome;
  /** Hook of the called service, when known. */
  readonly hook?: Hook;
  /** Rule ids of the cards returned, for logs and metrics (no PHI). */
  readonly firedRuleIds?: readonly string[];
  readonly issues?: readonly Issue[];
  /** Prefetch keys the client sent that this service does not declare (ignored; logged at debug). */
  readonly ignoredPrefetchKeys?: readonly string[];
  /** Spec deviations the request was accepted with (e.g. no `expires_in`), for a warning in the log. */
  readonly requestWarnings?: readonly Issue[];
  readonly timings?: Readonly<Record<string, number>>;
  /** Cards or suggestions dropped because they broke the CDS Hooks response rules (log them). */
  readonly responseIssues?: readonly Issue[];
  /** On a 500: the unexpected exception, described for the server log (never for the client). */
  readonly internalError?: InternalErrorDescription;
}

const servicesCache = new WeakMap<RuleSet, ReadonlyMap<string, CdsService>>();

/**
 * Answers `POST {base}/cds-services/{serviceId}`.
 * @param serviceId - the `{id}` path segment
 * @param body - the parsed JSON body
 * @param deps - rule set, now, fetch options
 * @returns status and body; never throws
 */
export async function handleCdsRequest(
  serviceId: string,
  body: unknown,
  deps: CdsDeps,
): Promise<CdsResult> {
  try {
    const service = servicesOf(deps.ruleSet).get(serviceId);
    if (!service) {
      return notFound();
    }
    const hook = service.hook as Hook;
    const validation = validateCdsRequest(hook, body);
    if (!validation.ok) {
      return { status: 400, body: validation.outcome, hook, issues: validation.issues };
    }
    const result = await evaluateCall(validation.request, hook, service, deps);
    return validation.warnings ? { ...result, requestWarnings: validation.warnings } : result;
  } catch (err) {
    if (isSoleusError(err) && err.code === 'SOLEUS_HOOK_PREFETCH_MISSING') {
      return { status: 412, body: buildOperationOutcome(412, err.issues), issues: err.issues };
    }
    return {
      status: 500,
      body: buildOperationOutcome(500),
      internalError: describeInternalError(err),
    };
  }
}

/**
 * The discovery services of a rule set, memoised.
 * @param ruleSet - the loaded rule set
 * @returns service id → service
 */
export function servicesOf(ruleSet: RuleSet): ReadonlyMap<string, CdsService> {
  let services = servicesCache.get(ruleSet);
  if (!services) {
    services = new Map(buildDiscovery(ruleSet).services.map((s) => [s.id, s]));
    servicesCache.set(ruleSet, services);
  }
  return services;
}

async function evaluateCall(
  request: CdsRequest,
  hook: Hook,
  service: CdsService,
  deps: CdsDeps,
): Promise<CdsResult> {
  const t0 = performance.now();
  const templates = service.prefetch ?? {};
  const tokenIssues = checkTemplateTokens(templates, request.context);
  if (tokenIssues.length > 0) {
    return {
      status: 400,
      body: buildOperationOutcome(400, tokenIssues),
      hook,
      issues: tokenIssues,
    };
  }
  const { prefetch, record } = await prefetchRecord(request, templates, {
    timeoutMs: deps.prefetchTimeoutMs ?? 5000,
    requiredAnyOf: ESSENTIAL_KEYS,
    ...(deps.prefetchMaxBytes === undefined ? {} : { maxBytesPerKey: deps.prefetchMaxBytes }),
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const t1 = performance.now();
  const context = request.context as unknown as Readonly<Record<string, unknown>>;
  const drafts = draftOrdersOf(context);
  const draftOrders = drafts?.resources;
  const selections = Array.isArray(context.selections)
    ? context.selections.filter((s): s is string => typeof s === 'string')
    : undefined;
  const issues = [...record.issues, ...(drafts?.issues ?? [])];
  const outcome = await evaluateRecord(
    { ...record, issues },
    {
      ruleSet: deps.ruleSet,
      hook,
      now: deps.now,
      context: primitiveContext(context),
      ...(typeof context.patientId === 'string' ? { patientId: context.patientId } : {}),
      ...(draftOrders ? { draftOrders } : {}),
      ...(selections ? { selections } : {}),
      ...(deps.uuid ? { uuid: deps.uuid } : {}),
      ...(deps.explain ? { explain: true } : {}),
      factsOnDemand: true,
      ...(deps.serviceBaseUrl ? { serviceBaseUrl: deps.serviceBaseUrl } : {}),
      ...(deps.rxnormIndex ? { rxnormIndex: deps.rxnormIndex } : {}),
    },
  );
  const checked = keepValidResponse(outcome.response);
  return {
    status: 200,
    body: checked.response,
    ...(checked.dropped.length > 0 ? { responseIssues: checked.dropped } : {}),
    hook,
    firedRuleIds: outcome.evaluation.fired.map((r) => r.ruleId),
    issues: outcome.issues,
    ...(prefetch.ignoredKeys.length > 0 ? { ignoredPrefetchKeys: prefetch.ignoredKeys } : {}),
    timings: { prefetch: t1 - t0, ...outcome.timings },
  };
}

/**
 * The 412 rule (docs/reference/http-api.md): a call is answered only when the Patient or the
 * Conditions can be had (prefetched, `null`, or fetched). With neither, no card can place the patient
 * (age, sex, problem list, calf-pain episode), so saying nothing would look like "all clear". Every
 * other key that cannot be had is unknown data: the rules run with what is known.
 */
const ESSENTIAL_KEYS: readonly string[] = ['patient', 'conditions'];

/** The draft orders' resources; entries without one are reported, never fatal. */
function draftOrdersOf(
  context: Readonly<Record<string, unknown>>,
): { resources: FhirResource[]; issues: Issue[] } | undefined {
  if (context.draftOrders === undefined) {
    return undefined;
  }
  const draftIssue = (pointer: string, what: string): Issue[] => [
    {
      severity: 'warning',
      code: 'SOLEUS_FHIR_INVALID_RESOURCE',
      message: `request#${pointer}: ${what}, so what is being ordered there is unknown`,
      location: { pointer },
      concerns: { draftOrders: true },
      clinicianText: `${pointer.endsWith('/entry') ? 'Some draft orders' : 'The draft orders'} of this call could not be read, so they were not checked`,
    },
  ];
  if ((context.draftOrders as { resourceType?: unknown } | null)?.resourceType !== 'Bundle') {
    return {
      resources: [],
      issues: draftIssue('/context/draftOrders', 'expected a FHIR Bundle; found something else'),
    };
  }
  const { resources, skipped } = bundleResources(context.draftOrders);
  const what = `${skipped} entr${skipped === 1 ? 'y holds' : 'ies hold'} no FHIR resource and ${skipped === 1 ? 'was' : 'were'} skipped`;
  return { resources, issues: skipped === 0 ? [] : draftIssue('/context/draftOrders/entry', what) };
}

/** Only first-level primitive context fields are offered to card templates (as prefetch tokens are). */
function primitiveContext(context: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(context).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
  );
}

function notFound(): CdsResult {
  const issue: Issue = {
    severity: 'error',
    code: 'SOLEUS_HOOK_UNKNOWN_SERVICE',
    // The id is not echoed: it is raw client input and would be reflected into an error body.
    message: 'no CDS service has the id in the request path; GET /cds-services lists the services',
  };
  return { status: 404, body: buildOperationOutcome(404, [issue]), issues: [issue] };
}
