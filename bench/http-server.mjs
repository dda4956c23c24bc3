// Child process of the HTTP bench: serves either the real CDS Hooks app (buildApp from packages/server,
// local mode, logging at info to a discarding stream) or a bare Fastify route that only parses the same
// JSON body, on 127.0.0.1 with an ephemeral port, and reports the port to the parent over IPC.
// usage (by http.mjs): node bench/http-server.mjs <service|parse-only> <nowIso>
import { Writable } from 'node:stream';
import { fhir, loadServer, loadShippedRuleSet, requireFromServer } from './load-pipeline.mjs';

const [mode, nowIso] = process.argv.slice(2);
const BODY_LIMIT = 10 * 1024 * 1024;

async function serviceApp() {
  const { buildApp } = loadServer();
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const fixed = new Date(nowIso);
  return buildApp({
    ruleSet: await loadShippedRuleSet(),
    // As main() does: the medication index is read at start, not in the first call.
    rxnormIndex: fhir.shippedRxnormIndex(),
    clock: () => fixed,
    logStream: sink,
    logLevel: 'info',
    bodyLimitBytes: BODY_LIMIT,
  });
}

function parseOnlyApp() {
  const Fastify = requireFromServer('fastify');
  const app = Fastify({ bodyLimit: BODY_LIMIT });
  app.post('/cds-services/:id', async (request) => ({
    cards: [],
    parsed: typeof request.body === 'object',
  }));
  return app;
}

const app = mode === 'service' ? await serviceApp() : parseOnlyApp();
await app.listen({ host: '127.0.0.1', port: 0 });
process.send({ port: app.server.address().port });
process.on('disconnect', () => {
  void app.close().then(() => process.exit(0));
});
