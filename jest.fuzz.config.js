// The long fuzz run (`pnpm fuzz`), kept out of `pnpm test`: same transform as jest.config.js, only
// the *.fuzz.ts files. Sizes come from FUZZ_REQUESTS / FUZZ_SEED (docs/reference/reliability.md).
const base = require('./jest.config.js');
module.exports = { ...base, testMatch: ['**/test/**/*.fuzz.ts'] };
