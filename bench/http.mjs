// Throughput and p99 latency over HTTP on 127.0.0.1 with autocannon: the real service vs a bare Fastify
// route that only parses the same body. Each server runs in its own child process so the load generator
// does not share its event loop; a 1 s warm-up run precedes each measured run.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';

const SERVER = new URL('./http-server.mjs', import.meta.url);

async function startServer(mode, nowIso) {
  const child = fork(SERVER, [mode, nowIso], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = once(child, 'exit').then(([code]) => {
    throw new Error(`${mode} server exited (code ${code}) before listening`);
  });
  const [message] = await Promise.race([once(child, 'message'), exited]);
  exited.catch(() => {}); // the server exits normally at the end of the run
  return { child, port: message.port };
}

function load(url, text, seconds) {
  return autocannon({
    url,
    method: 'POST',
    connections: 10,
    duration: seconds,
    headers: { 'content-type': 'application/json' },
    body: text,
  });
}

/**
 * Measures one server mode with one body.
 * @param {{ mode: 'service' | 'parse-only', serviceId: string, text: string, nowIso: string, seconds: number }} run
 * @returns {Promise<{ requestsPerSec: number, p99Ms: number, non2xx: number, errors: number }>} the result
 */
export async function benchHttp({ mode, serviceId, text, nowIso, seconds }) {
  const { child, port } = await startServer(mode, nowIso);
  try {
    const url = `http://127.0.0.1:${port}/cds-services/${serviceId}`;
    await load(url, text, 1);
    const result = await load(url, text, seconds);
    return {
      requestsPerSec: Math.round(result.requests.average * 10) / 10,
      p99Ms: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    };
  } finally {
    child.disconnect();
    await once(child, 'exit');
  }
}
