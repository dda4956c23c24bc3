// Profiling driver (issue 17): starts bench/http-server.mjs in the given mode under `node --cpu-prof`
// and loads it with autocannon (10 connections) for a few seconds. Not part of `pnpm bench`.
// usage: node bench/profile-http.mjs <service|parse-only> <size> <profileDir> [seconds]
//        node bench/summarise-profile.mjs <profileDir>/<file>.cpuprofile
import { fork } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { buildRecord, buildRequest, loadSyntheaBundles } from './build-record.mjs';
import { fhir, loadShippedRuleSet } from './load-pipeline.mjs';
import { prefetchTypes } from './prefetch-types.mjs';

const NOW = '2026-11-22T09:00:00.000Z';
const [mode = 'service', size = '50', dir = '/tmp/soleus-prof', seconds = '5'] =
  process.argv.slice(2);
const ruleSet = await loadShippedRuleSet();
const service = fhir.buildDiscovery(ruleSet).services.find((s) => s.hook === 'patient-view');
const record = buildRecord(
  loadSyntheaBundles(),
  Number(size),
  prefetchTypes(ruleSet),
  Date.parse(NOW),
);
const text = JSON.stringify(buildRequest(service, record).body);
const child = fork(new URL('./http-server.mjs', import.meta.url), [mode, NOW], {
  execArgv: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const [{ port }] = await once(child, 'message');
const result = await autocannon({
  url: `http://127.0.0.1:${port}/cds-services/${service.id}`,
  method: 'POST',
  connections: 10,
  duration: Number(seconds),
  headers: { 'content-type': 'application/json' },
  body: text,
});
console.log(
  `${mode} ~${size}: ${result.requests.average} req/s, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
);
child.disconnect();
await once(child, 'exit');
