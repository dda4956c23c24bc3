// Runs StrykerJS one area at a time (scripts/lib/mutation-areas.mjs) and prints each area's score.
// Called by scripts/mutation.sh (which picks a Node >= 22); docs/reference/testing.md explains it.
//
//   node scripts/run-mutation.mjs                 CI: every area with a committed baseline, bounded
//   node scripts/run-mutation.mjs --refresh [area...]  rebuild baselines (all areas when none named)
//
// CI mode never writes test-mutation/: each area runs on a copy of its committed incremental file, so
// it re-tests only mutants whose code or covering tests changed since the baseline was recorded. That
// is bounded twice: when an area's baseline is stale by more than SOLEUS_MUTATION_MAX_RETEST mutants
// (default 40, summed over the areas) the run stops before testing them, and the whole step stops
// after SOLEUS_MUTATION_BUDGET_SECONDS (default 600). Either way it fails and names the refresh
// command. Refresh mode has no bound and writes test-mutation/<area>.incremental.json.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { MUTATION_AREAS } from './lib/mutation-areas.mjs';
import { scoreOfReport } from './lib/mutation-score.mjs';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const refresh = args.includes('--refresh');
const named = args.filter((arg) => arg !== '--refresh');
for (const name of named) {
  if (!(name in MUTATION_AREAS)) {
    console.error(
      `run-mutation: unknown area "${name}"; areas: ${Object.keys(MUTATION_AREAS).join(', ')}`,
    );
    process.exit(2);
  }
}
const baselined = Object.keys(MUTATION_AREAS).filter((name) => existsSync(baselinePath(name)));
const areas = named.length > 0 ? named : refresh ? Object.keys(MUTATION_AREAS) : baselined;
if (areas.length === 0) {
  console.error('run-mutation: no area named and no baseline in test-mutation/');
  process.exit(2);
}
const maxRetest = positiveNumber('SOLEUS_MUTATION_MAX_RETEST', 40);
const budgetSeconds = positiveNumber('SOLEUS_MUTATION_BUDGET_SECONDS', 600);
const started = Date.now();
let retestLeft = maxRetest;
const results = [];
let failed = false;

for (const area of areas) {
  console.log(`\n--- mutation testing: ${area}`);
  const areaStart = Date.now();
  let incrementalFile = baselinePath(area);
  if (!refresh) {
    if (!existsSync(incrementalFile)) {
      console.error(
        `${area}: no baseline ${rel(incrementalFile)}; build it with: ${refreshCommand(area)}`,
      );
      failed = true;
      continue;
    }
    await mkdir(join(root, 'reports/mutation'), { recursive: true });
    const copy = join(root, `reports/mutation/${area}.incremental.json`);
    await copyFile(incrementalFile, copy);
    incrementalFile = copy;
  }
  const outcome = await runArea(area, incrementalFile);
  const seconds = Math.round((Date.now() - areaStart) / 1000);
  if (outcome.stopped) {
    console.error(`\n${area}: ${outcome.stopped}`);
    console.error(
      outcome.stale
        ? `The committed baseline is stale: refresh it with \`${refreshCommand(area)}\` and commit ` +
            `${rel(baselinePath(area))} and docs/reference/mutation-survivors.md ` +
            '(`node scripts/mutation-survivors.mjs`).'
        : 'Either a baseline is stale (the summary names how many mutants each area tested; refresh ' +
            `with \`${refreshCommand(area)}\`) or this machine is slower than the budget assumes ` +
            '(SOLEUS_MUTATION_BUDGET_SECONDS).',
    );
    failed = true;
    results.push({ area, line: `stopped after ${seconds} s (${outcome.stopped})` });
    break;
  }
  const reportFile = join(root, `reports/mutation/${area}.json`);
  const fresh = existsSync(reportFile) && statSync(reportFile).mtimeMs >= areaStart;
  if (!fresh) {
    failed = true;
    results.push({
      area,
      line: `FAILED (Stryker exit ${outcome.code}, no report) after ${seconds} s`,
    });
    continue;
  }
  const score = scoreOfReport(JSON.parse(await readFile(reportFile, 'utf8')));
  const threshold = MUTATION_AREAS[area].break;
  const below = score.score < threshold;
  if (below || outcome.code !== 0) failed = true;
  results.push({
    area,
    line:
      `${score.score.toFixed(2)} % (break ${threshold}${below ? ', BELOW IT' : ''}): ` +
      `${score.mutants} mutants, ${score.killed} killed, ${score.timeout} timed out, ` +
      `${score.survived} survived, ${score.noCoverage} not covered; ` +
      `${outcome.retested ?? 0} tested in this run, ${seconds} s` +
      (outcome.code === 0 ? '' : ` (Stryker exit ${outcome.code})`),
  });
}

console.log('\n=== mutation scores (StrykerJS; docs/reference/testing.md)');
for (const { area, line } of results) console.log(`${area.padEnd(12)} ${line}`);
console.log(`total ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failed ? 1 : 0);

/**
 * Runs Stryker on one area; in CI mode stops it when it would re-test more mutants than are left
 * of the re-test allowance, or when the step's time budget runs out.
 * @returns {Promise<{code: number | null, retested?: number, stopped?: string, stale: boolean}>}
 */
function runArea(area, incrementalFile) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'node_modules/@stryker-mutator/core/bin/stryker.js'),
        'run',
        'stryker.config.mjs',
      ],
      {
        cwd: root,
        detached: true,
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          SOLEUS_MUTATION_AREA: area,
          SOLEUS_MUTATION_INCREMENTAL_FILE: incrementalFile,
        },
      },
    );
    let retested;
    let stopped;
    let stale = false;
    let pending = '';
    const stop = (reason) => {
      if (stopped) return;
      stopped = reason;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = refresh
      ? undefined
      : setTimeout(
          () => stop(`the mutation step's budget of ${budgetSeconds} s ran out`),
          Math.max(0, budgetSeconds * 1000 - (Date.now() - started)),
        );
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        // The first progress line names how many mutants this run tests (the ones Stryker could not
        // take from the incremental file; static mutants it ignores are not counted).
        const progress = /\d+\/(\d+) tested/.exec(line);
        if (!progress || retested !== undefined) continue;
        retested = Number(progress[1]);
        if (!refresh && retested > retestLeft) {
          stale = true;
          stop(
            `${retested} mutants changed since the baseline; CI re-tests at most ${retestLeft} more`,
          );
        }
        retestLeft -= retested;
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, retested, stopped, stale });
    });
  });
}

function baselinePath(area) {
  return join(root, `test-mutation/${area}.incremental.json`);
}

function refreshCommand(area) {
  return `pnpm mutation --refresh ${area}`;
}

function rel(path) {
  return path.slice(root.length + 1);
}

function positiveNumber(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    console.error(`run-mutation: ${name} must be a non-negative number; found "${raw}"`);
    process.exit(2);
  }
  return value;
}
