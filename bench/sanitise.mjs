// `node bench/sanitise.mjs` (after `tsc -b`): the cost of the defensive reading layer of issue 12 (every
// resource checked against schema/fhir-read-elements.schema.json before facts are computed) on the
// bench records of ~50, ~500 and ~5,000 resources, side by side with JSON.parse of the same record, its
// floor. Also the cost on a record where every resource has one broken element (the copy-and-report
// path). Not part of `pnpm bench`; numbers go to docs/reference/reliability.md.
import { buildRecord, loadSyntheaBundles } from './build-record.mjs';
import { fhir, loadShippedRuleSet } from './load-pipeline.mjs';
import { prefetchTypes } from './prefetch-types.mjs';
import { summarize, time } from './stats.mjs';

const NOW_MS = Date.parse('2026-11-22T09:00:00.000Z');
const SIZES = [50, 500, 5000];

const ruleSet = await loadShippedRuleSet();
const bundles = loadSyntheaBundles();
const types = prefetchTypes(ruleSet);
const rows = [];
for (const size of SIZES) {
  const record = buildRecord(bundles, size, types, NOW_MS);
  const text = JSON.stringify(record);
  const broken = record.map((r) => ({ ...r, meta: 42 }));
  const counts = size >= 5000 ? { warmUp: 20, iterations: 200 } : { warmUp: 50, iterations: 500 };
  const sanitise = (resources) => () => {
    let issues = 0;
    for (const resource of resources) {
      issues += fhir.sanitiseResource(resource).issues.length;
    }
    return issues;
  };
  rows.push({
    resources: record.length,
    parse: summarize(await time(() => JSON.parse(text), counts)),
    sanitise: summarize(await time(sanitise(record), counts)),
    sanitiseBroken: summarize(await time(sanitise(broken), counts)),
  });
}
console.log(
  '| resources | JSON.parse | sanitise (valid) | ratio | sanitise (every resource broken) |',
);
console.log('|---|---|---|---|---|');
for (const r of rows) {
  const ratio = (r.sanitise.medianMs / r.parse.medianMs).toFixed(3);
  console.log(
    `| ${r.resources} | ${r.parse.medianMs} ms | ${r.sanitise.medianMs} ms (p95 ${r.sanitise.p95Ms}) | ${ratio} | ${r.sanitiseBroken.medianMs} ms |`,
  );
}
