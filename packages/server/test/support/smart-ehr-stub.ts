/**
 * A small SMART on FHIR EHR on 127.0.0.1 (ephemeral port) for the Wells app's end-to-end test: SMART
 * discovery (`.well-known/smart-configuration`), an authorization endpoint that checks client id,
 * redirect URI, audience, launch id and PKCE challenge, a token endpoint that checks the code and the
 * PKCE verifier and returns the launch context (patient, encounter, appContext) with an id_token naming
 * the user, and a FHIR API that enforces the granted `patient/<Type>.read|write` scopes on every read
 * and write. CORS is answered for the app's origin as a browser requires. Written from the SMART App
 * Launch 1.0 and FHIR R4 REST specifications.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FhirResource } from 'fhir/r4';
import { generateKeyPair, SignJWT } from 'jose';

/** The context an EHR attaches to a launch. */
export interface LaunchContext {
  readonly patient: string;
  readonly encounter?: string;
  readonly appContext?: string;
}

/** A running stub EHR. */
export interface SmartEhrStub {
  /** FHIR base (the SMART `iss`), e.g. `http://127.0.0.1:41234/fhir`. */
  readonly fhirBaseUrl: string;
  /** The record; writes are appended. */
  readonly resources: FhirResource[];
  /** Registers a launch as the EHR does before opening the app; returns the launch id. */
  readonly registerLaunch: (context: LaunchContext) => string;
  /** A token for the CDS service's own fetches (all patient reads). */
  readonly serviceToken: string;
  /** The scope granted to the app at its last token exchange. */
  readonly grantedScope: () => string | undefined;
  /** Requests refused for lack of a scope (must stay empty). */
  readonly refused: string[];
  readonly close: () => Promise<void>;
}

interface PendingCode {
  readonly clientId: string;
  readonly redirectUri: string;
  readonly challenge: string;
  readonly scope: string;
  readonly launch: LaunchContext;
}

/**
 * Starts the stub.
 * @param options - the registered client, its redirect URI prefix, the user, and the record
 * @returns the running stub
 */
export async function startSmartEhrStub(options: {
  readonly clientId: string;
  readonly redirectPrefix: string;
  readonly fhirUser: string;
  readonly resources: FhirResource[];
}): Promise<SmartEhrStub> {
  const { privateKey } = await generateKeyPair('ES256');
  const launches = new Map<string, LaunchContext>();
  const codes = new Map<string, PendingCode>();
  const tokens = new Map<string, string>(); // access token → scope
  const refused: string[] = [];
  const serviceToken = randomUUID();
  tokens.set(serviceToken, 'patient/*.read');
  let granted: string | undefined;
  let base = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    cors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/fhir/.well-known/smart-configuration') {
      return json(res, 200, {
        authorization_endpoint: `${base}/auth/authorize`,
        token_endpoint: `${base}/auth/token`,
        capabilities: ['launch-ehr', 'launch-standalone', 'client-public', 'sso-openid-connect'],
        code_challenge_methods_supported: ['S256'],
      });
    }
    if (url.pathname === '/auth/authorize') {
      return authorize(url, res);
    }
    if (url.pathname === '/auth/token' && req.method === 'POST') {
      return token(new URLSearchParams(await body(req)), res);
    }
    if (url.pathname.startsWith('/fhir/')) {
      return fhir(req, url, res);
    }
    return json(res, 404, outcome('not-found', 'unknown endpoint'));
  }

  function authorize(url: URL, res: ServerResponse): void {
    const p = url.searchParams;
    const launch = launches.get(p.get('launch') ?? '');
    const redirectUri = p.get('redirect_uri') ?? '';
    const problems = [
      p.get('response_type') !== 'code' && 'response_type',
      p.get('client_id') !== options.clientId && 'client_id',
      !redirectUri.startsWith(options.redirectPrefix) && 'redirect_uri',
      p.get('aud') !== `${base}/fhir` && 'aud',
      !launch && 'launch',
      !p.get('state') && 'state',
      (p.get('code_challenge_method') !== 'S256' || !p.get('code_challenge')) && 'pkce',
    ].filter(Boolean);
    if (problems.length > 0 || !launch) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end(`bad ${problems.join(', ')}`);
      return;
    }
    const code = randomUUID();
    codes.set(code, {
      clientId: options.clientId,
      redirectUri,
      challenge: p.get('code_challenge') ?? '',
      scope: p.get('scope') ?? '',
      launch,
    });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', p.get('state') ?? '');
    res.writeHead(302, { location: back.href }).end();
  }

  async function token(form: URLSearchParams, res: ServerResponse): Promise<void> {
    const pending = codes.get(form.get('code') ?? '');
    codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (
      !pending ||
      form.get('grant_type') !== 'authorization_code' ||
      form.get('client_id') !== pending.clientId ||
      form.get('redirect_uri') !== pending.redirectUri ||
      challenge !== pending.challenge
    ) {
      return json(res, 400, { error: 'invalid_grant' });
    }
    const accessToken = randomUUID();
    tokens.set(accessToken, pending.scope);
    granted = pending.scope;
    const idToken = await new SignJWT({ fhirUser: options.fhirUser })
      .setProtectedHeader({ alg: 'ES256' })
      .setIssuer(`${base}/fhir`)
      .setAudience(pending.clientId)
      .setSubject('dr-1')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    return json(res, 200, {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: 3600,
      scope: pending.scope,
      id_token: idToken,
      patient: pending.launch.patient,
      ...(pending.launch.encounter ? { encounter: pending.launch.encounter } : {}),
      ...(pending.launch.appContext ? { appContext: pending.launch.appContext } : {}),
    });
  }

  async function fhir(req: IncomingMessage, url: URL, res: ServerResponse): Promise<void> {
    const [type = '', id] = url.pathname.slice('/fhir/'.length).split('/');
    const scope = tokens.get(/^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '');
    if (scope === undefined) {
      return json(res, 401, outcome('login', 'no valid access token'));
    }
    const write = req.method === 'POST';
    if (!allows(scope, type, write ? 'write' : 'read')) {
      refused.push(`${req.method ?? ''} ${type}`);
      return json(res, 403, outcome('forbidden', 'scope does not allow this'));
    }
    if (write) {
      const created = { ...(JSON.parse(await body(req)) as FhirResource), id: randomUUID() };
      options.resources.push(created);
      res.setHeader('location', `${base}/fhir/${type}/${created.id ?? ''}`);
      return json(res, 201, created);
    }
    if (id) {
      const found = options.resources.find((r) => r.resourceType === type && r.id === id);
      return found
        ? json(res, 200, found)
        : json(res, 404, outcome('not-found', 'no such resource'));
    }
    const patient = url.searchParams.get('patient');
    const entry = options.resources
      .filter((r) => r.resourceType === type && patientOf(r) === `Patient/${patient ?? ''}`)
      .map((resource) => ({ fullUrl: `${base}/fhir/${type}/${resource.id ?? ''}`, resource }));
    return json(res, 200, {
      resourceType: 'Bundle',
      type: 'searchset',
      total: entry.length,
      entry,
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => json(res, 500, outcome('exception', 'stub failure')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    fhirBaseUrl: `${base}/fhir`,
    resources: options.resources,
    registerLaunch: (context) => {
      const id = randomUUID();
      launches.set(id, context);
      return id;
    },
    serviceToken,
    grantedScope: () => granted,
    refused,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** SMART v1 scopes: `patient/<Type|*>.<read|write|*>`. */
function allows(scope: string, type: string, access: 'read' | 'write'): boolean {
  return scope
    .split(' ')
    .some((s) =>
      [`patient/${type}.${access}`, `patient/*.${access}`, `patient/${type}.*`].includes(s),
    );
}

function patientOf(resource: FhirResource): string | undefined {
  if (resource.resourceType === 'Patient') {
    return `Patient/${resource.id ?? ''}`;
  }
  const r = resource as { subject?: { reference?: string }; patient?: { reference?: string } };
  return r.subject?.reference ?? r.patient?.reference;
}

function cors(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('access-control-allow-origin', req.headers.origin ?? '*');
  res.setHeader('access-control-allow-methods', 'GET, POST');
  res.setHeader(
    'access-control-allow-headers',
    req.headers['access-control-request-headers'] ?? 'authorization, content-type',
  );
  res.setHeader('access-control-expose-headers', 'location');
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/fhir+json' }).end(JSON.stringify(value));
}

function outcome(code: string, text: string): object {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, diagnostics: text }],
  };
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
