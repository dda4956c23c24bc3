// Heap check, run by run.mjs as `node --expose-gc bench/heap.mjs <nowIso> <requests>`: heapUsed after a
// full GC before and after N in-process service calls (each on a freshly parsed ~50-resource body).
// A last sample is taken once the prefetch time boxes of the last calls have expired: each call arms
// one AbortSignal.timeout per prefetch key (5 s), and a pending timer keeps its signal alive, so heap
// right after a burst includes up to 5 s of them; memory that is still held after they expire is a leak.
// Prints one JSON line on stdout.
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import { buildRecord, buildRequest, loadSyntheaBundles } from './build-record.mjs';
import { fhir, loadShippedRuleSet } from './load-pipeline.mjs';
import { prefetchTypes } from './prefetch-types.mjs';

const [nowIso, requestsArg = '10000'] = process.argv.slice(2);
const REQUESTS = Number(requestsArg);
const WARM_UP = 500;
const PREFETCH_TIMEOUT_MS = 5000;

if (typeof globalThis.gc !== 'function') {
  throw new Error('heap bench needs node --expose-gc');
}

function heapAfterGc() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const ruleSet = await loadShippedRuleSet();
const service = fhir.buildDiscovery(ruleSet).services.find((s) => s.hook === 'patient-view');
const record = buildRecord(loadSyntheaBundles(), 50, prefetchTypes(ruleSet), Date.parse(nowIso));
const text = JSON.stringify(buildRequest(service, record).body);
const deps = { ruleSet, now: nowIso, prefetchTimeoutMs: PREFETCH_TIMEOUT_MS };
const call = async () => {
  await yieldToLoop(); // as between HTTP requests: lets due timers run
  const result = await fhir.handleCdsRequest(service.id, JSON.parse(text), deps);
  if (result.status !== 200) {
    throw new Error(`heap bench: request answered ${result.status}`);
  }
};
for (let i = 0; i < WARM_UP; i++) {
  await call();
}
const samples = [heapAfterGc()];
for (let i = 1; i <= REQUESTS; i++) {
  await call();
  if (i % (REQUESTS / 4) === 0) {
    samples.push(heapAfterGc());
  }
}
await sleep(PREFETCH_TIMEOUT_MS + 1000);
const settled = heapAfterGc();
const mib = (bytes) => Math.round((bytes / 1024 / 1024) * 100) / 100;
process.stdout.write(
  `${JSON.stringify({
    requests: REQUESTS,
    beforeMiB: mib(samples[0]),
    afterMiB: mib(samples.at(-1)),
    samplesMiB: samples.map(mib),
    settledMiB: mib(settled),
  })}\n`,
);
