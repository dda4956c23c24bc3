// A/B of handleCdsRequest between another built checkout (A, e.g. main before a change) and this one
// (B), alternating rounds in one process so that machine load hits both alike. Not part of `pnpm bench`.
// Checks first that both answer the same status, cards and fired rules for every record.
// usage: node bench/ab-handle.mjs <other-checkout-root> [rounds] [sizes, default 50,500,5000]
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { isDeepStrictEqual } from 'node:util';
import { buildRecord, buildRequest, loadSyntheaBundles } from './build-record.mjs';
import { prefetchTypes } from './prefetch-types.mjs';
import { summarize } from './stats.mjs';

const NOW = '2026-11-22T09:00:00.000Z';
const [otherRoot, roundsArg = '20', sizesArg = '50,500,5000'] = process.argv.slice(2);
const rounds = Number(roundsArg);
const sizes = sizesArg.split(',').map(Number);

async function pipeline(root) {
  const require = createRequire(join(resolve(root), 'package.json'));
  const core = require('./packages/core/dist/index.js');
  const fhir = require('./packages/fhir/dist/index.js');
  return { core, fhir, ruleSet: await core.loadRuleSet(core.DEFAULT_CONTENT) };
}

const sides = { A: await pipeline(otherRoot), B: await pipeline(join(import.meta.dirname, '..')) };
const bundles = loadSyntheaBundles();
const uuid = () => '00000000-0000-4000-8000-000000000000';
for (const size of sizes) {
  for (const hook of ['patient-view', 'order-sign']) {
    const calls = size >= 5000 ? 3 : size >= 500 ? 10 : 50;
    const samples = { A: [], B: [] };
    // CPU time per call, per round (process.cpuUsage): far less sensitive to a loaded machine than wall time.
    const cpu = { A: [], B: [] };
    const runs = {};
    for (const [name, side] of Object.entries(sides)) {
      const service = side.fhir.buildDiscovery(side.ruleSet).services.find((s) => s.hook === hook);
      const record = buildRecord(bundles, size, prefetchTypes(side.ruleSet), Date.parse(NOW));
      const body = JSON.parse(JSON.stringify(buildRequest(service, record).body));
      const deps = { ruleSet: side.ruleSet, now: NOW, uuid };
      runs[name] = () => side.fhir.handleCdsRequest(service.id, body, deps);
    }
    const [a, b] = [await runs.A(), await runs.B()];
    const same =
      a.status === b.status &&
      isDeepStrictEqual(a.body, b.body) &&
      isDeepStrictEqual(a.firedRuleIds, b.firedRuleIds);
    for (let r = 0; r < rounds; r++) {
      for (const name of r % 2 === 0 ? ['A', 'B'] : ['B', 'A']) {
        const before = process.cpuUsage();
        for (let i = 0; i < calls; i++) {
          const t = performance.now();
          await runs[name]();
          samples[name].push(performance.now() - t);
        }
        const used = process.cpuUsage(before);
        if (r > 0) {
          cpu[name].push((used.user + used.system) / 1000 / calls);
        }
      }
    }
    const [sa, sb] = [summarize(samples.A.slice(calls)), summarize(samples.B.slice(calls))];
    const [ca, cb] = [summarize(cpu.A).medianMs, summarize(cpu.B).medianMs];
    // Each round's B next to the A run just before or after it: load drifts less within a pair.
    const pairRatio = summarize(cpu.B.map((b, i) => b / (cpu.A[i] ?? b))).medianMs;
    console.log(
      `${hook.padEnd(12)} ~${String(size).padEnd(5)} wall A ${sa.medianMs.toFixed(3)} / ${sa.p95Ms.toFixed(3)}  B ${sb.medianMs.toFixed(3)} / ${sb.p95Ms.toFixed(3)} ms (median / p95)  B/A ${(sb.medianMs / sa.medianMs).toFixed(2)} | CPU per call A ${ca.toFixed(3)}  B ${cb.toFixed(3)} ms  B/A ${(cb / ca).toFixed(2)} (pairwise ${pairRatio.toFixed(2)}) | same response: ${same}`,
    );
  }
}
