/**
 * Builds the shipped medication index (`packages/fhir/data/rxnorm-index.json`) from the CDS Hooks
 * sandbox medication list, the RxNorm value sets and the documented inputs. Used by
 * `scripts/build-rxnorm-index.mjs` (write / `--check`) and by the drift test.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildRxnormIndex, type BuildRxnormIndexReport } from './build-rxnorm-index';
import { loadIndexIngredients } from './load-index-ingredients';
import { RXNORM_LICENCE } from './rxnorm-licence';
import { sandboxListConcepts, type SandboxMedicationList } from './sandbox-list-concepts';
import type { RxnormIndexFile } from '../rxnorm-index-file';

/** Where the inputs are. */
export interface SandboxIndexSources {
  /** `cds-hooks-sandbox-medication-list.json`. */
  readonly listFile: string;
  /** Directory of `*.valueset.json` (e.g. `packages/core/valuesets`). */
  readonly valueSetsDir: string;
  /** `rxnorm-index-inputs.json`. */
  readonly inputsFile: string;
}

/**
 * Builds the index from the sandbox list.
 * @param sources - the three inputs
 * @returns the index and the build report
 * @throws {SOLEUS_VALUESET_INVALID} when the value sets do not load
 * @throws {SOLEUS_RXNORM_INDEX} when the inputs file cannot be read
 */
export function buildIndexFromSandboxList(sources: SandboxIndexSources): {
  index: RxnormIndexFile;
  report: BuildRxnormIndexReport;
} {
  const listText = readFileSync(sources.listFile, 'utf8');
  const { ingredients, watch, knownNames, productMembers } = loadIndexIngredients(
    sources.valueSetsDir,
    sources.inputsFile,
  );
  return buildRxnormIndex({
    concepts: sandboxListConcepts(JSON.parse(listText) as SandboxMedicationList),
    ingredients,
    watch,
    productMembers,
    knownNames,
    provenance: {
      source:
        'CDS Hooks sandbox medication list (cds-hooks/sandbox, commit 3b7e25546771c6e7fc5e360aa7db6eb64af0b8b6, src/assets/medication-list.js, Apache-2.0): RxNorm normalized names of prescribable oral products (SCD/SBD), their components (SCDC/SBDC) and dose-form groups (SCDG/SBDG), with the component relations',
      sourceFiles: [{ file: basename(sources.listFile), sha256: sha256(listText) }],
      ingredients: `RxNorm ingredient codes of every value set in ${basename(sources.valueSetsDir)}/ (minus the excluded codes) and the watch list of rxnorm-index-inputs.json`,
      generator: 'scripts/build-rxnorm-index.mjs (packages/fhir/src/medications/rxnorm/build)',
      licence: RXNORM_LICENCE,
    },
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
