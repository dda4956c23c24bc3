// `pnpm bench` (after `tsc -b`): the performance report of issue 7. Builds ~50, ~500 and ~5,000-resource
// patient records from the Synthea fixtures plus calf-pain resources, then measures in one process the
// stages of a service call, the HTTP service against a parse-only Fastify route, the heap over 10,000
// calls and the share of the largest record the discovery prefetch selects. Prints a table with
// PASS/MISS per budget line, writes bench/results.json, and exits 0 either way: it is a report, not a test.
// Options: --quick (fewer iterations, 1 s HTTP runs, 1,000 heap calls) for trying the harness.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { buildRecord, buildRequest, loadSyntheaBundles } from './build-record.mjs';
import { checkBudget } from './budget.mjs';
import { benchDiscovery } from './discovery.mjs';
import { benchHttp } from './http.mjs';
import { benchStages } from './in-process.mjs';
import { fhir, loadShippedRuleSet } from './load-pipeline.mjs';
import { prefetchTypes } from './prefetch-types.mjs';
import { printReport } from './print-report.mjs';

const QUICK = process.argv.includes('--quick');
const NOW = '2026-11-22T09:00:00.000Z';
const SIZES = [50, 500, 5000];
const HTTP_SIZES = [50, 500];
const HOOKS = ['patient-view', 'order-sign'];
const HEAP_REQUESTS = QUICK ? 1000 : 10_000;
const HTTP_SECONDS = QUICK ? 1 : 5;

const countsFor = (size) =>
  QUICK
    ? { warmUp: 2, iterations: 5 }
    : size >= 5000
      ? { warmUp: 3, iterations: 30 }
      : { warmUp: 10, iterations: 50 };

async function inProcess(ruleSet, services, records) {
  const rows = [];
  for (const size of SIZES) {
    for (const service of services) {
      const { body, resourceCount } = buildRequest(service, records.get(size));
      const text = JSON.stringify(body);
      const stages = await benchStages({
        ruleSet,
        service,
        text,
        now: NOW,
        counts: countsFor(size),
      });
      rows.push({
        size,
        hook: service.hook,
        resources: resourceCount,
        bytes: text.length,
        ...stages,
      });
      process.stderr.write(`in-process ${service.hook} ${size}: done\n`);
    }
  }
  return rows;
}

async function overHttp(services, records) {
  const service = services.find((s) => s.hook === 'patient-view');
  const rows = [];
  for (const size of HTTP_SIZES) {
    const { body, resourceCount } = buildRequest(service, records.get(size));
    const text = JSON.stringify(body);
    const run = { serviceId: service.id, text, nowIso: NOW, seconds: HTTP_SECONDS };
    try {
      const real = await benchHttp({ ...run, mode: 'service' });
      const parseOnly = await benchHttp({ ...run, mode: 'parse-only' });
      rows.push({ size, hook: service.hook, resources: resourceCount, service: real, parseOnly });
    } catch (err) {
      // A server that cannot start is reported (and its budget lines miss); the other parts still run.
      rows.push({ size, hook: service.hook, resources: resourceCount, error: err.message });
    }
    process.stderr.write(`http ${size}: done\n`);
  }
  return rows;
}

function heap() {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', new URL('./heap.mjs', import.meta.url).pathname, NOW, String(HEAP_REQUESTS)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) {
    return { error: `heap bench exited ${child.status}` };
  }
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

const ruleSet = await loadShippedRuleSet();
const services = fhir.buildDiscovery(ruleSet).services.filter((s) => HOOKS.includes(s.hook));
const bundles = loadSyntheaBundles();
const types = prefetchTypes(ruleSet);
const records = new Map(SIZES.map((n) => [n, buildRecord(bundles, n, types, Date.parse(NOW))]));
const results = {
  node: process.version,
  cpus: os.cpus().length,
  quick: QUICK,
  now: NOW,
  packs: [...ruleSet.packs.keys()],
  rules: ruleSet.rules.length,
  inProcess: await inProcess(ruleSet, services, records),
  http: await overHttp(services, records),
  heap: heap(),
  discovery: benchDiscovery(ruleSet),
};
results.budget = checkBudget(results);
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
printReport(results);
