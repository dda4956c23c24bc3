// In-process stage timings for one request: JSON.parse of the full body (the floor), bundleToFacts,
// evaluate, resultsToCards (every fact computed: the stages one by one), `served` (evaluateRecord as
// the service runs it: facts, engine, issue routing and cards, a card's own facts computed only when
// its rule's conditions held), and the whole handleCdsRequest on the parsed body.
import { core, fhir } from './load-pipeline.mjs';
import { summarize, timeInterleaved } from './stats.mjs';

/**
 * The stage inputs exactly as handleCdsRequest builds them (prefetch resolved, drafts, context).
 * @param {object} ruleSet - the loaded rule set
 * @param {object} service - the discovery service
 * @param {object} body - the parsed request
 * @param {string} now - evaluation instant
 */
async function stageInputs(ruleSet, service, body, now) {
  const resolved = await fhir.resolvePrefetch(body, service.prefetch ?? {}, {
    timeoutMs: 5000,
    required: Object.keys(service.prefetch ?? {}),
  });
  const record = { entries: resolved.resources.map((resource) => ({ resource })), issues: [] };
  const drafts = body.context.draftOrders?.entry?.map((e) => e.resource);
  const factOptions = {
    ruleSet,
    hook: service.hook,
    now,
    ...(drafts ? { draftOrders: drafts } : {}),
  };
  return { record, factOptions, context: { patientId: body.context.patientId } };
}

/**
 * Times every stage for one request body.
 * @param {{ ruleSet: object, service: object, text: string, now: string, counts: object }} run - inputs
 * @returns {Promise<object>} per stage { medianMs, p95Ms, n }, plus what fired
 */
export async function benchStages({ ruleSet, service, text, now, counts }) {
  const body = JSON.parse(text);
  const { record, factOptions, context } = await stageInputs(ruleSet, service, body, now);
  const { facts } = fhir.bundleToFacts(record, factOptions);
  const evaluation = await core.evaluate(ruleSet, facts, { now, hook: service.hook });
  const deps = { ruleSet, now };
  const check = await fhir.handleCdsRequest(service.id, body, deps);
  if (check.status !== 200) {
    throw new Error(`bench request answered ${check.status}: ${JSON.stringify(check.body)}`);
  }
  // Interleaved: each iteration times every stage once, so a change in machine load hits all stages
  // alike and the budget's ratios stay meaningful on a shared machine.
  const stages = await timeInterleaved(
    {
      parse: () => JSON.parse(text),
      facts: () => fhir.bundleToFacts(record, factOptions),
      engine: () => core.evaluate(ruleSet, facts, { now, hook: service.hook }),
      cards: () => fhir.resultsToCards(evaluation, { ruleSet, facts, context }),
      served: () => fhir.evaluateRecord(record, { ...factOptions, context, factsOnDemand: true }),
      handle: () => fhir.handleCdsRequest(service.id, body, deps),
    },
    counts,
  );
  return {
    ...Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, summarize(v)])),
    firedRuleIds: check.firedRuleIds ?? [],
    issueCount: check.issues?.length ?? 0,
  };
}
