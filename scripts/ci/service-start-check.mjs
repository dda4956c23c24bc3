#!/usr/bin/env node
// Starts the CDS Hooks service (packages/server/dist/bin.js, what `pnpm start` execs after the
// build) with the Node that runs this script, on an ephemeral loopback port; checks /health and
// discovery; sends SIGTERM and expects a clean exit. Used by .ci/run on Node 20, 22 and 24.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIMEOUT_MS = 30_000;

function fail(message) {
  console.error(`service-start-check (${process.version}): ${message}`);
  process.exit(1);
}

const server = spawn(process.execPath, [join(root, 'packages', 'server', 'dist', 'bin.js')], {
  env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SOLEUS_LOG_LEVEL: 'info' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let log = '';
const exited = new Promise((resolve) =>
  server.on('exit', (code, signal) => resolve({ code, signal })),
);
const timer = setTimeout(() => {
  server.kill('SIGKILL');
  fail(`no answer within ${TIMEOUT_MS} ms; log:\n${log}`);
}, TIMEOUT_MS);

let listening = false;
const base = await new Promise((resolve) => {
  const onData = (chunk) => {
    log += chunk;
    const match = /listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
    if (match && !listening) {
      listening = true;
      resolve(match[1]);
    }
  };
  server.stdout.on('data', onData);
  server.stderr.on('data', onData);
  exited.then(({ code }) => {
    if (!listening) {
      fail(`exited with ${code} before listening; log:\n${log}`);
    }
  });
});

const health = await fetch(`${base}/health`);
if (health.status !== 200) {
  fail(`/health answered ${health.status}`);
}
const discovery = await (await fetch(`${base}/cds-services`)).json();
const hooks = discovery.services.map((s) => s.hook).sort();
if (hooks.join() !== 'order-select,order-sign,patient-view') {
  fail(`discovery lists ${hooks.join()}`);
}
server.kill('SIGTERM');
const { code, signal } = await exited;
clearTimeout(timer);
if (code !== 0) {
  fail(`SIGTERM ended the server with code ${code} (signal ${signal}); log:\n${log}`);
}
console.log(
  `service-start-check: ${process.version} served ${base} (${hooks.length} services), SIGTERM → exit 0`,
);
