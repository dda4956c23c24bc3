/**
 * What the Wells app asks the service: the record the app read from the EHR with its own token, shaped
 * as a CDS Hooks `patient-view` request, evaluated by the SAME pipeline the CDS service runs (facts,
 * engine, cards). The answer carries the Wells breakdown (state and source of each item, to pre-fill
 * the form), the episode start, the DVT decision and the cards, so no clinical logic lives in the
 * browser. The service never fetches for the app (`fhirServer` and `fhirAuthorization` are ignored:
 * no outbound request on a browser's say-so), stores nothing and logs no record content.
 */
import type { OperationOutcome } from 'fhir/r4';
import type { FactValue, RuleSet } from '@soleus/core';
import {
  evaluateRecord,
  prefetchRecord,
  servicesOf,
  validateCdsRequest,
  type CdsRequest,
} from '@soleus/fhir';

/** Facts of the DVT pack the app shows: where the episode starts, the Wells breakdown, the decision. */
export const WELLS_APP_FACTS = {
  episodeStart: 'dvt.episodeStart',
  breakdown: 'dvt.wellsBreakdown',
  decision: 'dvt.decision',
} as const;

/** One card as the app shows it. */
export interface WellsAppCard {
  readonly id: string;
  readonly indicator: string;
  readonly summary: string;
  readonly detail?: string;
}

/** The app's answer. */
export interface WellsEvaluation {
  readonly episodeStart: FactValue;
  readonly wells: FactValue;
  readonly decision: FactValue;
  readonly cards: readonly WellsAppCard[];
  /** Prefetch keys the app did not supply (their data is unknown, never "none"). */
  readonly missing: readonly string[];
}

/**
 * Evaluates the record the app sends.
 * @param body - a CDS Hooks patient-view request whose prefetch the app filled
 * @param deps - rule set and the evaluation instant
 * @returns 200 with the evaluation, or 400 with an OperationOutcome
 */
export async function evaluateWells(
  body: unknown,
  deps: { readonly ruleSet: RuleSet; readonly now: string },
): Promise<
  | { readonly status: 200; readonly body: WellsEvaluation }
  | { readonly status: 400; readonly body: OperationOutcome }
> {
  const validation = validateCdsRequest('patient-view', body);
  if (!validation.ok) {
    return { status: 400, body: validation.outcome };
  }
  const { fhirServer: _server, fhirAuthorization: _token, ...request } = validation.request;
  const templates = patientViewTemplates(deps.ruleSet);
  // No fetcher and no fhirServer: keys the app did not send stay unknown (never "none").
  const { prefetch, record } = await prefetchRecord(request as CdsRequest, templates, {
    timeoutMs: 1,
  });
  const context = request.context as unknown as Readonly<Record<string, unknown>>;
  const outcome = await evaluateRecord(record, {
    ruleSet: deps.ruleSet,
    hook: 'patient-view',
    now: deps.now,
    context: Object.fromEntries(Object.entries(context).filter(([, v]) => typeof v === 'string')),
    alsoCompute: [WELLS_APP_FACTS.breakdown],
  });
  const fact = (name: string): FactValue => outcome.facts.get(name)?.value ?? null;
  const cards = outcome.response.cards.map((card) => ({
    id: card.source.topic?.code ?? '',
    indicator: card.indicator,
    summary: card.summary,
    ...(card.detail ? { detail: card.detail } : {}),
  }));
  return {
    status: 200,
    body: {
      episodeStart: fact(WELLS_APP_FACTS.episodeStart),
      wells: fact(WELLS_APP_FACTS.breakdown),
      decision: fact(WELLS_APP_FACTS.decision),
      cards,
      missing: prefetch.incompleteKeys,
    },
  };
}

/**
 * The patient-view service's prefetch templates: what the app must read from the EHR.
 * @param ruleSet - the loaded rule set
 * @returns key → query template
 */
export function patientViewTemplates(ruleSet: RuleSet): Readonly<Record<string, string>> {
  const service = [...servicesOf(ruleSet).values()].find((s) => s.hook === 'patient-view');
  return service?.prefetch ?? {};
}
