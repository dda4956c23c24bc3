// The PostgreSQL project: suites named *.pg.test.ts under packages/*/test/postgres need a real server
// (SOLEUS_TEST_DATABASE_URL, a superuser URL; `scripts/throwaway-postgres.sh start DIR` prints one).
// `pnpm test:postgres` runs them and fails when the variable is missing; `.ci/run` starts a throw-away
// cluster and runs them. `pnpm test` leaves them out so it passes on a machine with only Node.
const base = require('./jest.config.js');

module.exports = {
  ...base,
  testMatch: ['**/test/postgres/**/*.pg.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  // Each suite starts server processes; one suite at a time keeps 2 cores responsive.
  maxWorkers: 1,
  testTimeout: 30_000,
};
