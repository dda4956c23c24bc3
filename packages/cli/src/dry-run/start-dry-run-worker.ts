import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DryRunWorkerData } from './dry-run-worker';

/**
 * Starts one dry-run worker thread. From the built package it runs `dry-run-worker.js`; from the
 * TypeScript sources (jest) it first installs a transpile-only `.ts` loader and maps `@soleus/<pkg>`
 * to `packages/<pkg>/src`, mirroring the jest configuration, because Node 20 cannot run `.ts` itself.
 * @param data - content directories and settings
 * @returns the worker
 */
export function startDryRunWorker(data: DryRunWorkerData): Worker {
  const ext = extname(__filename);
  const file = join(__dirname, `dry-run-worker${ext}`);
  if (ext !== '.ts') {
    return new Worker(file, { workerData: data });
  }
  const packages = join(__dirname, '..', '..', '..');
  const typescript = require.resolve('typescript');
  const source = `
const fs = require('node:fs'); const path = require('node:path'); const Module = require('node:module');
const ts = require(${JSON.stringify(typescript)});
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@soleus\\/([a-z-]+)$/.exec(request);
  return resolve.call(this, m ? path.join(${JSON.stringify(packages)}, m[1], 'src', 'index.ts') : request, ...rest);
};
require.extensions['.ts'] = (module, filename) => module._compile(ts.transpileModule(fs.readFileSync(filename, 'utf8'),
  { fileName: filename, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText, filename);
require(${JSON.stringify(file)});
`;
  return new Worker(source, { eval: true, workerData: data });
}
