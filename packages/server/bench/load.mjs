/* global fetch, setTimeout, clearTimeout */
// Load test of the built CDS Hooks service (run `pnpm build` first):
//   node packages/server/bench/load.mjs
// Starts `dist/bin.js` (the soleus-server bin) as a child process on 127.0.0.1 (local mode,
// loopback only, warn-level logs), builds patient-view requests whose prefetch holds ~50 and ~500 resources taken from the Synthea
// fixtures (grouped into the searchset Bundles the discovery prefetch keys ask for), validates one
// response with validateCdsResponse, then drives each with autocannon (10 connections, a fixed number
// of requests, a hard time bound) and reports requests/s, latency p50/p99, errors and the server's
// RSS before and after. Environment: BENCH_REQUESTS (default 10000), BENCH_MAX_SECONDS (default 240).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const synthea = join(here, '..', '..', 'fhir', 'test', 'fixtures', 'synthea');
const { validateCdsResponse } = require('@soleus/fhir');

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 10000);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 240);
const PORT = 38000 + Math.floor(Math.random() * 1000);
const BASE = `http://127.0.0.1:${PORT}`;
const SERVICE = 'soleus-patient-view';

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 102.4) / 10;
}

async function waitForHealth() {
  for (let i = 0; i < 100; i += 1) {
    try {
      const res = await fetch(`${BASE}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

/** Prefetch key per resource type, read from the discovery templates (`Type?…` or `Type/{{…}}`). */
function keysByType(service) {
  const map = new Map();
  for (const [key, template] of Object.entries(service.prefetch ?? {})) {
    map.set(/^([A-Za-z]+)/.exec(template)?.[1], key);
  }
  return map;
}

function buildRequest(file, service, limit) {
  const bundle = JSON.parse(readFileSync(join(synthea, file), 'utf8'));
  const resources = bundle.entry.map((e) => e.resource);
  const patient = resources.find((r) => r.resourceType === 'Patient');
  const byType = keysByType(service);
  const prefetch = { patient };
  let count = 1;
  for (const resource of resources) {
    const key = byType.get(resource.resourceType);
    if (!key || key === 'patient' || count >= limit) continue;
    prefetch[key] ??= { resourceType: 'Bundle', type: 'searchset', entry: [] };
    prefetch[key].entry.push({ resource });
    count += 1;
  }
  // Every declared key without data is null ("none", never re-queried) — a type may have several keys.
  for (const key of Object.keys(service.prefetch ?? {})) prefetch[key] ??= null;
  const body = {
    hook: 'patient-view',
    hookInstance: 'a6c3f0d2-1b1e-4a57-9a51-2b0f0d1c9e11',
    context: { userId: 'Practitioner/bench', patientId: patient.id },
    prefetch,
  };
  return { body: JSON.stringify(body), resources: count };
}

function run(name, payload) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${BASE}/cds-services/${SERVICE}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
        connections: 10,
        amount: REQUESTS,
        timeout: 30,
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    const bound = setTimeout(() => instance.stop(), MAX_SECONDS * 1000);
    instance.on('done', () => clearTimeout(bound));
    void name;
  });
}

const server = spawn(process.execPath, [join(here, '..', 'dist', 'bin.js')], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', SOLEUS_LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  await waitForHealth();
  const discovery = await (await fetch(`${BASE}/cds-services`)).json();
  const service = discovery.services.find((s) => s.id === SERVICE);
  const cases = [
    [
      '~50 resources',
      buildRequest(
        'synthea-r4_Isaiah_Schaden_b6b36717-6ad2-433d-bf5c-6c77bc2fcd96.json',
        service,
        50,
      ),
    ],
    [
      '~500 resources',
      buildRequest(
        'synthea-r4_Isaiah_Schaden_b6b36717-6ad2-433d-bf5c-6c77bc2fcd96.json',
        service,
        500,
      ),
    ],
  ];
  const rows = [];
  for (const [name, { body, resources }] of cases) {
    const probe = await fetch(`${BASE}/cds-services/${SERVICE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const json = await probe.json();
    const invalid = validateCdsResponse(json);
    if (probe.status !== 200 || invalid.length > 0) {
      throw new Error(`${name}: status ${probe.status}, ${invalid.length} response issues`);
    }
    const before = rssMb(server.pid);
    const result = await run(name, body);
    const after = rssMb(server.pid);
    rows.push({
      case: name,
      resources,
      bodyKB: Math.round(body.length / 1024),
      cards: json.cards.length,
      requests: result.requests.total,
      errors: result.errors + result.timeouts + result.non2xx,
      'req/s': Math.round(result.requests.average),
      'p50 ms': result.latency.p50,
      'p99 ms': result.latency.p99,
      'RSS before MB': before,
      'RSS after MB': after,
      seconds: Math.round(result.duration),
    });
  }
  console.table(rows);
  if (rows.some((r) => r.errors > 0)) process.exitCode = 1;
} finally {
  server.kill('SIGTERM');
}
