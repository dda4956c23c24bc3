// The areas of mutation testing (issue 20; docs/reference/testing.md, Mutation testing). Each area
// mutates its own sources and runs only the tests that exercise them, so the initial test run and
// every mutant stay cheap on a 2-core machine, and each keeps its own committed incremental file
// (test-mutation/<area>.incremental.json) so CI re-tests only mutants whose code or tests changed.
// `break` is the area's measured score rounded down (a lower score fails the run): raise it when
// survivors are killed. Read by stryker.config.mjs and scripts/run-mutation.mjs.
//
// Globs use `packages/*/src/...` where code may move between packages (the record-reading
// derivations are moving from packages/fhir into packages/core, issue 19), so a move keeps the code
// mutated and its tests run.
export const MUTATION_AREAS = {
  feedback: {
    mutate: ['packages/server/src/feedback/**/*.ts'],
    tests: ['packages/server/src/feedback/**/*.test.ts', 'packages/server/test/feedback*.test.ts'],
    break: 95,
  },
  auth: {
    mutate: ['packages/server/src/auth/**/*.ts'],
    tests: ['packages/server/src/auth/**/*.test.ts', 'packages/server/test/auth.test.ts'],
    break: 78,
  },
  units: {
    mutate: ['packages/core/src/units/**/*.ts'],
    // Its own tests only: every vignette and derivation test converts units, so each surviving units
    // mutant would re-run hundreds of them (minutes per mutant on 2 cores).
    tests: ['packages/core/src/units/**/*.test.ts'],
    break: 74,
  },
  // The FHIR-free arithmetic of the analgesic and cramp packs (Cockcroft-Gault, the paracetamol daily
  // limit, the gabapentinoid maximum, corrected calcium), with their own unit tests, which read the
  // shipped pack constants.
  mechanisms: {
    mutate: [
      'packages/core/src/mechanisms/analgesic/**/*.ts',
      'packages/core/src/mechanisms/cramp/**/*.ts',
    ],
    tests: [
      'packages/core/src/mechanisms/analgesic/**/*.test.ts',
      'packages/core/src/mechanisms/cramp/**/*.test.ts',
    ],
    break: 70,
  },
  // The record-reading mechanisms (D-dimer, Wells, episode findings, pregnancy) and the mechanism
  // registry, wherever they live: issue 19 moves them from packages/fhir/src/derivations into
  // packages/core/src/mechanisms. The vignettes kill most of their mutants.
  derivations: {
    mutate: [
      'packages/*/src/derivations/**/*.ts',
      'packages/*/src/mechanisms/**/*.ts',
      '!packages/core/src/mechanisms/analgesic/**',
      '!packages/core/src/mechanisms/cramp/**',
    ],
    tests: [
      'packages/*/src/derivations/**/*.test.ts',
      'packages/*/src/mechanisms/**/*.test.ts',
      '!packages/core/src/mechanisms/analgesic/**',
      '!packages/core/src/mechanisms/cramp/**',
      'packages/fhir/test/record-parameter-checks.test.ts',
      'packages/fhir/test/ddimer-verdict.property.test.ts',
      // The bundle-level tests of the mechanisms issue 19 moved into core.
      'packages/fhir/test/pregnancy-assessment.test.ts',
      'packages/fhir/test/ddimer-interpretation.test.ts',
      'packages/fhir/test/ultrasound-result.test.ts',
      'packages/fhir/test/dvt-episode.test.ts',
      'packages/fhir/test/red-flag-in-episode.test.ts',
      'packages/fhir/test/fever-in-episode.test.ts',
      'packages/fhir/test/low-spo2-in-episode.test.ts',
      'packages/fhir/test/calf-swelling-measured.test.ts',
      'packages/fhir/test/wells-score.test.ts',
      'packages/fhir/test/wells-breakdown.test.ts',
      'packages/fhir/test/wells-cancer-routes.test.ts',
      'packages/fhir/test/dvt-modifiers.test.ts',
      'packages/fhir/test/vignettes.test.ts',
    ],
    break: 0,
  },
  medications: {
    mutate: ['packages/*/src/medications/**/*.ts', '!packages/*/src/medications/rxnorm/build/**'],
    tests: [
      'packages/*/src/medications/**/*.test.ts',
      '!packages/*/src/medications/rxnorm/build/**',
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
