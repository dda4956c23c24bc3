/**
 * What every client-compatibility test shares: the shipped rule packs, an app built with one client's
 * trust settings, a FHIR server stub that serves an interop record like a FHIR server would (reads and
 * searches, `status` honoured), and readers of the cards that came back. Requests and JWTs are built
 * in each client's own test file, from that client's published behaviour.
 */
import type { FhirResource } from 'fhir/r4';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEFAULT_CONTENT, loadRuleSetSync, type RuleSet } from '@soleus/core';
import {
  buildDiscovery,
  validateCdsResponse,
  type CdsResponse,
  type CdsService,
} from '@soleus/fhir';
import {
  startFhirStub,
  type FhirStub,
  type StubAnswer,
} from '../../../../fhir/test/support/fhir-stub';
import { INTEROP_NOW, searchset } from '../../../../fhir/test/support/interop-records';
import type { AuthOptions } from '../../../src/auth/auth-options';
import { buildApp } from '../../../src/build-app';
import { captureLogs, type LogCapture } from '../../support/log-capture';

/** The public base URL the EHR calls (JWT `aud` = this plus the endpoint path). */
export const PUBLIC_BASE = 'https://cds.hospital.example';

/** The server clock: the instant the interop records are written for. */
export const CLOCK = new Date(INTEROP_NOW);

/** `iat` of every client token (seconds). */
export const IAT = Math.floor(CLOCK.getTime() / 1000);

let shipped: RuleSet | undefined;

/**
 * The shipped rule packs, loaded once.
 * @returns the rule set
 */
export function shippedRuleSet(): RuleSet {
  shipped ??= loadRuleSetSync(DEFAULT_CONTENT);
  return shipped;
}

/**
 * The discovery entry of a hook's service.
 * @param hook - patient-view, order-select or order-sign
 * @returns the service
 */
export function serviceFor(hook: string): CdsService {
  const service = buildDiscovery(shippedRuleSet()).services.find((s) => s.hook === hook);
  if (!service) {
    throw new Error(`no service for ${hook}`);
  }
  return service;
}

/** An app and its captured log. */
export interface CompatApp {
  readonly app: FastifyInstance;
  readonly logs: LogCapture;
}

/**
 * Builds the app as an integrator would for one client.
 * @param auth - trusted issuers (undefined: local mode, no JWT)
 * @param corsOrigins - browser origins allowed
 * @returns the app (not listening) and its log
 */
export function compatApp(auth: AuthOptions | undefined, corsOrigins: string[] = []): CompatApp {
  const logs = captureLogs();
  const app = buildApp({
    ruleSet: shippedRuleSet(),
    clock: () => CLOCK,
    logStream: logs.stream,
    logLevel: 'debug',
    corsOrigins,
    ...(auth ? { auth, publicBaseUrl: PUBLIC_BASE } : {}),
  });
  return { app, logs };
}

/** The FHIR resource types the services query. */
const TYPES = [
  'Patient',
  'Condition',
  'Observation',
  'Procedure',
  'MedicationRequest',
  'MedicationStatement',
  'DiagnosticReport',
  'QuestionnaireResponse',
  'Encounter',
];

/**
 * A FHIR server holding one patient's record: `Type/id` reads and `Type?…` searches (honouring
 * `status`), like the FHIR server behind an EHR.
 * @param resources - the record
 * @returns the running stub
 */
export function startRecordServer(resources: readonly FhirResource[]): Promise<FhirStub> {
  const routes = Object.fromEntries(
    TYPES.map((type) => [type, (url: URL): StubAnswer => answer(type, url, resources)]),
  );
  return startFhirStub(routes);
}

function answer(type: string, url: URL, resources: readonly FhirResource[]): StubAnswer {
  const ofType = resources.filter((r) => r.resourceType === type);
  const id = url.pathname.split('/')[3];
  if (id !== undefined && id !== '') {
    const found = ofType.find((r) => r.id === id);
    return found ? { body: found } : { status: 404, body: { resourceType: 'OperationOutcome' } };
  }
  const status = url.searchParams.get('status');
  return {
    body: searchset(
      status === null ? ofType : ofType.filter((r) => (r as { status?: string }).status === status),
    ),
  };
}

/**
 * The cards of a 200 response, checked against the CDS Hooks response rules.
 * @param res - the injected or fetched response
 * @returns card id (source.topic) and indicator of each card
 */
export function cardsOf(res: LightMyRequestResponse): { id: string; indicator: string }[] {
  expect(res.statusCode).toBe(200);
  const body = res.json<CdsResponse>();
  expect(validateCdsResponse(body)).toEqual([]);
  return body.cards.map((c) => ({ id: c.source.topic?.code ?? '', indicator: c.indicator }));
}
