#!/usr/bin/env node
// Builds the shipped medication index, packages/fhir/data/rxnorm-index.json, from
//   - the CDS Hooks sandbox medication list (packages/fhir/test/fixtures/rxnorm/, RxNorm names + relations),
//   - every RxNorm value set in packages/core/valuesets (the ingredients the rules read),
//   - packages/fhir/data/rxnorm-index-inputs.json (excluded codes, watch list, extra known names).
// Re-run it after changing an RxNorm value set. Needs the compiled packages (`pnpm build`).
//   node scripts/build-rxnorm-index.mjs          # write the index and print the build report
//   node scripts/build-rxnorm-index.mjs --check  # CI drift check: exit 1 when the committed index is stale
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { buildIndexFromSandboxList, serializeRxnormIndex, RXNORM_INDEX_PATH } = require(
  join(root, 'packages', 'fhir', 'dist', 'index.js'),
);

const { index, report } = buildIndexFromSandboxList({
  listFile: join(root, 'packages/fhir/test/fixtures/rxnorm/cds-hooks-sandbox-medication-list.json'),
  valueSetsDir: join(root, 'packages/core/valuesets'),
  inputsFile: join(root, 'packages/fhir/data/rxnorm-index-inputs.json'),
});
const text = serializeRxnormIndex(index);

if (process.argv.includes('--check')) {
  if (readFileSync(RXNORM_INDEX_PATH, 'utf8') !== text) {
    console.error(
      'packages/fhir/data/rxnorm-index.json is stale: run `node scripts/build-rxnorm-index.mjs` and commit it',
    );
    process.exit(1);
  }
  console.log('rxnorm-index.json is current');
} else {
  writeFileSync(RXNORM_INDEX_PATH, text);
  console.log(
    `wrote ${RXNORM_INDEX_PATH}: ${index.products.length} products of interest, ` +
      `${index.outOfScope.length} out of scope, ${index.ingredients.length} ingredients, ` +
      `${index.watch.length} watched, ${index.knownNames.length} known names, ${index.brands.length} brands`,
  );
  console.log(
    `report: ${report.unparsed.length} unparsed, ${report.inconsistent.length} inconsistent, ` +
      `${report.unverified.length} products with an unverified class member`,
  );
  for (const u of report.unparsed) console.log(`  unparsed ${u.rxcui} ${u.name}`);
  for (const u of report.inconsistent) console.log(`  inconsistent ${u.rxcui} ${u.name}`);
}
