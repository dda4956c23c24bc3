// The performance budget of issues 7 and 17: ratios within one run (machine speed cancels out), plus
// the absolute median of a whole call at ~50 resources.

const HEAP_FLAT_MIB = 1;
const HANDLE_MAX_MS_AT_50 = 0.3;
const DISCOVERY_MAX_PERCENT = 5;

const line = (name, value, limit, pass) => ({ name, value, limit, pass });
const ratio = (a, b) => Math.round((a / b) * 100) / 100;

function stageLines(inProcess) {
  return inProcess
    .filter((row) => row.size >= 500)
    .map((row) => {
      // Facts, engine and cards as the service runs them (evaluateRecord, card facts on demand).
      const r = ratio(row.served.medianMs, row.parse.medianMs);
      return line(
        `facts+engine+cards (served) / JSON.parse, ${row.hook} ~${row.size}`,
        r,
        '≤ 0.5',
        r <= 0.5,
      );
    });
}

// Issue 17: the whole transport-neutral call on a ~50-resource record, median, in absolute ms.
function handleLines(inProcess) {
  return inProcess
    .filter((row) => row.size === 50)
    .map((row) =>
      line(
        `handleCdsRequest median ms, ${row.hook} ~${row.size}`,
        row.handle.medianMs,
        `≤ ${HANDLE_MAX_MS_AT_50}`,
        row.handle.medianMs <= HANDLE_MAX_MS_AT_50,
      ),
    );
}

function httpLines(http) {
  return http.flatMap((row) => {
    if (row.error) {
      return [line(`HTTP ~${row.size}: ${row.error}`, NaN, 'a running server', false)];
    }
    const rps = ratio(row.service.requestsPerSec, row.parseOnly.requestsPerSec);
    const p99 = ratio(row.service.p99Ms, Math.max(row.parseOnly.p99Ms, 1));
    const clean = row.service.non2xx === 0 && row.service.errors === 0;
    return [
      line(`HTTP req/s service / parse-only, ~${row.size}`, rps, '≥ 0.8', rps >= 0.8 && clean),
      line(`HTTP p99 service / parse-only, ~${row.size}`, p99, '≤ 2', p99 <= 2 && clean),
    ];
  });
}

/**
 * Budget lines with PASS/MISS.
 * @param {object} results - the measurements of run.mjs
 * @returns {{ name: string, value: number, limit: string, pass: boolean }[]} one line per budget item
 */
export function checkBudget(results) {
  // Judged once pending prefetch timers have expired (see heap.mjs); the burst value is printed too.
  const growth = results.heap.error
    ? Infinity
    : Math.round((results.heap.settledMiB - results.heap.beforeMiB) * 100) / 100;
  const discovery = results.discovery.find((d) => d.hook === 'patient-view');
  return [
    ...stageLines(results.inProcess),
    ...handleLines(results.inProcess),
    ...httpLines(results.http),
    line(
      `heap growth after GC over ${results.heap.requests} calls, timers expired (MiB)`,
      growth,
      `≤ ${HEAP_FLAT_MIB}`,
      growth <= HEAP_FLAT_MIB,
    ),
    line(
      `patient-view prefetch share of largest record (%)`,
      discovery?.percent ?? Infinity,
      `≤ ${DISCOVERY_MAX_PERCENT}`,
      (discovery?.percent ?? Infinity) <= DISCOVERY_MAX_PERCENT,
    ),
  ];
}
