// Prints the bench results as plain-text tables (stdout).

const pad = (value, width) => String(value).padStart(width);
const ms = (s) => `${s.medianMs.toFixed(2)}/${s.p95Ms.toFixed(2)}`;

function printStages(rows) {
  console.log('\nIn-process, ms median/p95 (n per stage in brackets)');
  const head = [
    'hook',
    'size',
    'res',
    'KiB',
    'JSON.parse',
    'facts',
    'engine',
    'cards',
    'served',
    'handleCdsRequest',
    'fired',
  ];
  console.log(head.map((h, i) => (i < 2 ? h.padEnd(i ? 6 : 13) : pad(h, 12))).join(' '));
  for (const r of rows) {
    const cells = [r.parse, r.facts, r.engine, r.cards, r.served, r.handle].map((s) =>
      pad(ms(s), 12),
    );
    console.log(
      [
        r.hook.padEnd(13),
        String(r.size).padEnd(6),
        pad(r.resources, 12),
        pad(Math.round(r.bytes / 1024), 12),
        ...cells,
      ].join(' ') + ` [${r.parse.n}] ${r.firedRuleIds.join(',')}`,
    );
  }
}

function printHttp(rows) {
  console.log('\nHTTP on 127.0.0.1 (autocannon, 10 connections): req/s and p99 ms');
  for (const r of rows) {
    if (r.error) {
      console.log(`${r.hook} ~${r.size}: not measured: ${r.error}`);
      continue;
    }
    const s = r.service;
    const p = r.parseOnly;
    console.log(
      `${r.hook} ~${r.size} (${r.resources} res): service ${s.requestsPerSec} req/s p99 ${s.p99Ms} ms` +
        ` (non-2xx ${s.non2xx}, errors ${s.errors}) | parse-only ${p.requestsPerSec} req/s p99 ${p.p99Ms} ms`,
    );
  }
}

/**
 * Prints every table and the budget lines.
 * @param {object} results - measurements and budget from run.mjs
 */
export function printReport(results) {
  console.log(
    `Soleus bench — node ${results.node}, ${results.cpus} CPUs, packs ${results.packs.join(',')} (${results.rules} rules)${results.quick ? ' — QUICK' : ''}`,
  );
  printStages(results.inProcess);
  printHttp(results.http);
  const h = results.heap;
  console.log(
    h.error
      ? `\nHeap: ${h.error}`
      : `\nHeap after GC: ${h.beforeMiB} → ${h.afterMiB} MiB right after ${h.requests} calls` +
          ` (samples ${h.samplesMiB.join(', ')}); ${h.settledMiB} MiB once prefetch timers expired`,
  );
  console.log('\nDiscovery prefetch against the largest record');
  for (const d of results.discovery) {
    console.log(
      `${d.hook}: ${d.selected}/${d.total} resources (${d.percent} %) ${JSON.stringify(d.byKey)}`,
    );
  }
  console.log('\nBudget');
  for (const b of results.budget) {
    console.log(`${b.pass ? 'PASS' : 'MISS'}  ${b.name}: ${b.value} (${b.limit})`);
  }
  console.log('\nwritten: bench/results.json');
}
