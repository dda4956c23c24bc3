// Mutation testing (StrykerJS, issue 20) of the code that decides outcomes, one area at a time
// (scripts/lib/mutation-areas.mjs: what each area mutates, which tests it runs, its break score).
// Run it with `pnpm mutation` (scripts/mutation.sh → scripts/run-mutation.mjs), which sets
// SOLEUS_MUTATION_AREA and, in CI mode, SOLEUS_MUTATION_INCREMENTAL_FILE (a copy of the committed
// baseline, so CI never rewrites it). docs/reference/testing.md has the scores.
import { MUTATION_AREAS } from './scripts/lib/mutation-areas.mjs';

const areaName = process.env.SOLEUS_MUTATION_AREA ?? '';
const area = MUTATION_AREAS[areaName];
if (!area) {
  throw new Error(
    `SOLEUS_MUTATION_AREA: expected one of ${Object.keys(MUTATION_AREAS).join(', ')}; found "${areaName}"`,
  );
}
// CI mode: the score table only; the survivors are in docs/reference/mutation-survivors.md.
const listSurvivors = process.env.SOLEUS_MUTATION_INCREMENTAL_FILE === undefined;
const testGlob = (glob) =>
  glob.startsWith('!') ? `!<rootDir>/${glob.slice(1)}` : `<rootDir>/${glob}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'pnpm',
  // pnpm does not hoist plugins next to @stryker-mutator/core, so name the runner.
  plugins: ['@stryker-mutator/jest-runner'],
  testRunner: 'jest',
  jest: {
    configFile: 'jest.config.js',
    // The tests run the TypeScript sources through ts-jest (moduleNameMapper → packages/*/src), so
    // the mutated sources are the ones executed.
    config: { testMatch: area.tests.map(testGlob), testTimeout: 60000 },
  },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) would re-run every test per mutant; they are left out.
  ignoreStatic: true,
  mutate: [...area.mutate, '!**/*.test.ts'],
  concurrency: 2,
  // Added to each mutant's expected test time: a mutant that hangs (an await that never settles) costs
  // this plus a test-runner restart, so keep it short; a timeout counts as detected.
  timeoutMS: 5000,
  dryRunTimeoutMinutes: 20,
  incremental: true,
  incrementalFile:
    process.env.SOLEUS_MUTATION_INCREMENTAL_FILE ?? `test-mutation/${areaName}.incremental.json`,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: `reports/mutation/${areaName}.json` },
  clearTextReporter: {
    allowColor: false,
    logTests: false,
    reportTests: false,
    reportMutants: listSurvivors,
    reportScoreTable: true,
  },
  thresholds: { high: 90, low: 80, break: area.break },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
