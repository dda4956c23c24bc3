// Profiling driver (issue 17): calls handleCdsRequest in a loop on one bench record so that
// `node --cpu-prof` has a steady state to sample. Not part of `pnpm bench`.
// usage: node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-handle.mjs <size> [hook] [calls]
//        node bench/summarise-profile.mjs /tmp/prof/<file>.cpuprofile
import { performance } from 'node:perf_hooks';
import { buildRecord, buildRequest, loadSyntheaBundles } from './build-record.mjs';
import { fhir, loadShippedRuleSet } from './load-pipeline.mjs';
import { prefetchTypes } from './prefetch-types.mjs';

const NOW = '2026-11-22T09:00:00.000Z';
const [size = '50', hook = 'patient-view', callsArg] = process.argv.slice(2);
const calls = Number(callsArg ?? Math.max(50, Math.round(200_000 / Number(size))));

const ruleSet = await loadShippedRuleSet();
const service = fhir.buildDiscovery(ruleSet).services.find((s) => s.hook === hook);
const record = buildRecord(
  loadSyntheaBundles(),
  Number(size),
  prefetchTypes(ruleSet),
  Date.parse(NOW),
);
const body = JSON.parse(JSON.stringify(buildRequest(service, record).body));
const deps = { ruleSet, now: NOW };
const started = performance.now();
for (let i = 0; i < calls; i++) {
  const result = await fhir.handleCdsRequest(service.id, body, deps);
  if (result.status !== 200) {
    throw new Error(`answered ${result.status}`);
  }
}
const ms = (performance.now() - started) / calls;
process.stderr.write(`${hook} ~${size}: ${calls} calls, ${ms.toFixed(3)} ms a call (mean)\n`);
