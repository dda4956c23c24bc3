// Heap check, run by run.mjs as `node --expose-gc bench/heap.mjs <nowIso> <requests>`: heapUsed after a
// full GC before and after N in-process service calls (each on a freshly parsed ~50-resource body).
// Prints one JSON line on stdout.
import { buildRecord, buildRequest, loadSyntheaBundles } from './build-record.mjs';
import { fhir, loadShippedRuleSet } from './load-pipeline.mjs';
import { prefetchTypes } from './prefetch-types.mjs';

const [nowIso, requestsArg = '10000'] = process.argv.slice(2);
const REQUESTS = Number(requestsArg);
const WARM_UP = 500;

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
const deps = { ruleSet, now: nowIso };
const call = async () => {
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
const mib = (bytes) => Math.round((bytes / 1024 / 1024) * 100) / 100;
process.stdout.write(
  `${JSON.stringify({
    requests: REQUESTS,
    beforeMiB: mib(samples[0]),
    afterMiB: mib(samples.at(-1)),
    samplesMiB: samples.map(mib),
  })}\n`,
);
