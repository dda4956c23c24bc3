// Mutation testing (StrykerJS, issue 20) of the code that decides outcomes, one area at a time: each
// area mutates its own sources and runs only the tests that exercise them, so the initial test run
// and every mutant stay cheap on a 2-core machine, and each area keeps its own committed incremental
// file (test-mutation/<area>.incremental.json) so CI re-tests only mutants whose code or tests changed.
// Run with `pnpm mutation [area...]` (scripts/mutation.sh); docs/reference/testing.md has the scores.
// The derivations area covers the record-reading mechanisms (packages/fhir/src/derivations) and the
// FHIR-free ones (packages/core/src/mechanisms). `break` is the measured score of the area, rounded down.
const AREAS = {
  feedback: {
    mutate: ['packages/server/src/feedback/**/*.ts'],
    tests: ['packages/server/src/feedback/**/*.test.ts', 'packages/server/test/feedback*.test.ts'],
    break: 81,
  },
  auth: {
    mutate: ['packages/server/src/auth/**/*.ts'],
    tests: ['packages/server/src/auth/**/*.test.ts', 'packages/server/test/auth.test.ts'],
    break: 0,
  },
  units: {
    mutate: ['packages/core/src/units/**/*.ts'],
    // Its own tests only: every vignette and derivation test converts units, so each surviving units
    // mutant would re-run hundreds of them (minutes per mutant on 2 cores).
    tests: ['packages/core/src/units/**/*.test.ts'],
    break: 75,
  },
  derivations: {
    mutate: ['packages/*/src/derivations/**/*.ts', 'packages/core/src/mechanisms/**/*.ts'],
    tests: [
      'packages/*/src/derivations/**/*.test.ts',
      'packages/core/src/mechanisms/**/*.test.ts',
      'packages/fhir/test/pregnancy-assessment.test.ts',
      'packages/fhir/test/vignettes.test.ts',
    ],
    break: 0,
  },
  medications: {
    mutate: ['packages/*/src/medications/**/*.ts', '!packages/*/src/medications/rxnorm/build/**'],
    tests: [
      'packages/*/src/medications/**/*.test.ts',
      'packages/fhir/test/medication*.test.ts',
      'packages/fhir/test/vignettes.test.ts',
    ],
    break: 0,
  },
  engine: {
    mutate: ['packages/core/src/engine/**/*.ts'],
    tests: ['packages/core/src/engine/**/*.test.ts', 'packages/core/test/engine-*.test.ts'],
    break: 0,
  },
};

const areaName = process.env.SOLEUS_MUTATION_AREA ?? '';
const area = AREAS[areaName];
if (!area) {
  throw new Error(
    `SOLEUS_MUTATION_AREA: expected one of ${Object.keys(AREAS).join(', ')}; found "${areaName}"`,
  );
}

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
    config: { testMatch: area.tests.map((glob) => `<rootDir>/${glob}`), testTimeout: 60000 },
  },
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants) would re-run every test per mutant; they are left out.
  ignoreStatic: true,
  mutate: [...area.mutate, '!**/*.test.ts'],
  concurrency: 2,
  timeoutMS: 10000,
  dryRunTimeoutMinutes: 20,
  incremental: true,
  incrementalFile: `test-mutation/${areaName}.incremental.json`,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: `reports/mutation/${areaName}.json` },
  clearTextReporter: {
    allowColor: false,
    logTests: false,
    reportMutants: true,
    reportScoreTable: true,
  },
  thresholds: { high: 90, low: 80, break: area.break },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
