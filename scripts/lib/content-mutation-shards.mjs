// Runs content-mutation.mjs as N child processes, each taking every N-th mutant (`--shard k/N`), and
// merges what they report. The mutants are independent, so on a 2-core CI runner two processes halve
// the step's wall time. Each child writes its result to a file in `workDir`; a child that fails (exit
// code other than 0, or no result) fails the whole run rather than counting its mutants as killed.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {string} script - path of content-mutation.mjs
 * @param {string[]} args - the parent's arguments (--jobs is dropped; --only and --verbose pass on)
 * @param {number} jobs - number of child processes
 * @param {string} workDir - a temporary directory for the children's result files
 * @returns {Promise<{survivorKeys: string[], caseRuns: number, cases: number}>}
 */
export async function runContentMutationShards(script, args, jobs, workDir) {
  const passOn = args.filter((a, i) => a !== '--jobs' && args[i - 1] !== '--jobs');
  const runs = Array.from({ length: jobs }, (_, i) => {
    const out = join(workDir, `shard-${i + 1}.json`);
    const child = spawn(
      process.execPath,
      [script, ...passOn, '--shard', `${i + 1}/${jobs}`, '--shard-out', out],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    return new Promise((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code, signal) => {
        if (code !== 0) {
          reject(new Error(`content-mutation shard ${i + 1}/${jobs} ended with ${signal ?? code}`));
          return;
        }
        resolve(JSON.parse(readFileSync(out, 'utf8')));
      });
    });
  });
  const results = await Promise.all(runs);
  const cases = new Set(results.map((r) => r.cases));
  if (cases.size !== 1) {
    throw new Error(
      `content-mutation shards disagree on the passing baseline cases: ${[...cases]}`,
    );
  }
  return {
    survivorKeys: results.flatMap((r) => r.survivorKeys),
    caseRuns: results.reduce((sum, r) => sum + r.caseRuns, 0),
    cases: results[0].cases,
  };
}
