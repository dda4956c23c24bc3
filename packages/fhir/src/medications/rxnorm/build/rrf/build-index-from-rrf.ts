/**
 * Builds a site's medication index from an RxNorm release (`soleus rxnorm import <dir>`): every product
 * of the release whose ingredients a loaded value set lists, with the same rules and the same output
 * format as the shipped index, so a site gets current RxNorm (packs, injections, inhalers, new codes)
 * without waiting for a Soleus release.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename, resolve } from 'node:path';
import { buildRxnormIndex, type BuildRxnormIndexReport } from '../build-rxnorm-index';
import { loadIndexIngredients } from '../load-index-ingredients';
import { RXNORM_LICENCE } from '../rxnorm-licence';
import type { RxnormIndexFile } from '../../rxnorm-index-file';
import { readRrfRelease } from './rrf-release';

/** Where the inputs are. */
export interface RrfIndexSources {
  /** Directory holding RXNCONSO.RRF, RXNREL.RRF and RXNSAT.RRF (or an `rrf/` folder with them). */
  readonly releaseDir: string;
  /** Directory of `*.valueset.json` (the ingredients the rules read). */
  readonly valueSetsDir: string;
  /** `rxnorm-index-inputs.json` (excluded codes, watch list, extra known names). */
  readonly inputsFile: string;
}

/**
 * Builds the index from a release.
 * @param sources - release directory, value sets, inputs
 * @returns the index and the build report
 * @throws {SOLEUS_RXNORM_INDEX} when a release file or the inputs file is missing
 * @throws {SOLEUS_VALUESET_INVALID} when the value sets do not load
 */
export async function buildIndexFromRrf(
  sources: RrfIndexSources,
): Promise<{ index: RxnormIndexFile; report: BuildRxnormIndexReport }> {
  const { ingredients, watch, knownNames, productMembers } = loadIndexIngredients(
    sources.valueSetsDir,
    sources.inputsFile,
  );
  const release = await readRrfRelease(resolve(sources.releaseDir));
  const sourceFiles = await Promise.all(
    release.files.map(async (file) => ({ file: basename(file), sha256: await sha256(file) })),
  );
  return buildRxnormIndex({
    concepts: release.concepts,
    ingredients,
    watch,
    productMembers,
    knownNames: [...knownNames, ...release.ingredientNames],
    provenance: {
      source: `RxNorm release files (RXNCONSO.RRF, RXNREL.RRF, RXNSAT.RRF) read from ${basename(resolve(sources.releaseDir))}`,
      sourceFiles,
      ingredients: `RxNorm ingredient codes of every value set in ${basename(sources.valueSetsDir)}/ (minus the excluded codes) and the watch list of ${basename(sources.inputsFile)}`,
      generator: 'soleus rxnorm import',
      licence: RXNORM_LICENCE,
    },
  });
}

function sha256(file: string): Promise<string> {
  return new Promise((done, fail) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', fail)
      .on('end', () => done(hash.digest('hex')));
  });
}
