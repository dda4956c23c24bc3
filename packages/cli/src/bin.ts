#!/usr/bin/env node
import { runCli } from './run-cli';

// The process entry point is the one place the CLI reads the wall clock (for a default `--now`).
runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  // eslint-disable-next-line no-restricted-syntax -- allow-clock: the CLI entry point supplies the default --now
  now: () => new Date(Date.now()).toISOString(), // allow-clock
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`soleus: internal error: ${(err as Error).message}\n`);
    process.exitCode = 70;
  },
);
