// CJS config on purpose: jest.config.ts would need ts-node.
const esmOnly = ['jose'];
module.exports = {
  testEnvironment: 'node',
  // Jest's default (cores − 1) is one worker on a 2-core CI machine, which runs the suite in band on
  // one core; two workers use both (the parent process mostly waits).
  maxWorkers: 2,
  // examples/ joins the roots once it has tests of its own (see examples/*/test).
  roots: [
    '<rootDir>/packages',
    '<rootDir>/scripts',
    ...(require('node:fs').existsSync(`${__dirname}/examples`) ? ['<rootDir>/examples'] : []),
  ],
  testMatch: ['**/src/**/*.test.ts', '**/test/**/*.test.ts'],
  // *.pg.test.ts need PostgreSQL: `pnpm test:postgres` (jest.postgres.config.js) runs them.
  testPathIgnorePatterns: ['/node_modules/', '\\.pg\\.test\\.ts$'],
  moduleNameMapper: { '^@soleus/([a-z-]+)$': '<rootDir>/packages/$1/src' },
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  // pnpm layout: node_modules/.pnpm/<name>@<ver>/node_modules/<name>/...
  transformIgnorePatterns: [
    `/node_modules/(?!(\\.pnpm/(${esmOnly.join('|')})@[^/]+/node_modules/)?(${esmOnly.join('|')})/)`,
  ],
  modulePathIgnorePatterns: ['<rootDir>/packages/.*/dist/'],
};
