#!/usr/bin/env node
/**
 * `soleus-server`: the process around {@link main}. `pnpm start` execs it after the build, so the
 * signal a supervisor sends reaches this process and nothing is orphaned. SIGTERM/SIGINT close the
 * server gracefully (in-flight calls finish, the feedback store flushes, the database pool closes),
 * then exit 0; a second signal exits at once with 1. A failure to start, and anything uncaught, is
 * one JSON log line (`level` 60) naming the code and every problem, then exit 1.
 */
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { isSoleusError } from '@soleus/core';
import { createLogger } from './create-logger';
import { main } from './main';

// Synchronous, so the line is written before process.exit.
const processLog = createLogger('info', pino.destination({ dest: 1, sync: true }));

function onSignals(app: FastifyInstance): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (closing) {
      processLog.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    closing = true;
    processLog.info({ signal }, 'closing soleus server: finishing in-flight calls');
    app.close().then(
      () => {
        processLog.info({ signal }, 'soleus server closed');
        process.exit(0);
      },
      (err: unknown) => {
        processLog.error({ err: describe(err) }, 'soleus server did not close cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

/** Code, and for configuration errors every problem; no stack (messages name settings, not data). */
function describe(err: unknown): object {
  if (isSoleusError(err) && err.issues.length > 0) {
    return { code: err.code, issues: err.issues.map((i) => i.message) };
  }
  const e = err as { code?: unknown; name?: unknown; message?: unknown } | null;
  return { code: String(e?.code ?? e?.name ?? 'error'), message: String(e?.message ?? '') };
}

process.on('uncaughtException', (err) => {
  processLog.fatal({ err: describe(err) }, 'soleus server crashed: uncaught exception');
  process.exit(1);
});

main(process.env, {}, process.argv.slice(2)).then(onSignals, (err: unknown) => {
  processLog.fatal({ err: describe(err) }, 'soleus server failed to start');
  process.exit(1);
});
