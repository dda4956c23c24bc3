import { readFileSync } from 'node:fs';
import { loadValueSets, SoleusError } from '@soleus/core';
import {
  indexIngredients,
  type IndexIngredientsResult,
  type RxnormIndexInputs,
} from './index-ingredients';

/**
 * Reads the value sets and the documented inputs and returns the ingredients of interest, the watch
 * list and the extra known names: the part every index build shares, whatever its RxNorm source.
 * @param valueSetsDir - directory of `*.valueset.json`
 * @param inputsFile - `rxnorm-index-inputs.json`
 * @returns ingredients, watch list, known names, product-level value-set members
 * @throws {SOLEUS_VALUESET_INVALID} when the value sets do not load
 * @throws {SOLEUS_RXNORM_INDEX} when the inputs file cannot be read
 */
export function loadIndexIngredients(
  valueSetsDir: string,
  inputsFile: string,
): IndexIngredientsResult {
  const loaded = loadValueSets(valueSetsDir);
  if (loaded.issues.length > 0) {
    throw new SoleusError('SOLEUS_VALUESET_INVALID', `${valueSetsDir}: value sets do not load`, {
      issues: loaded.issues,
    });
  }
  let inputs: RxnormIndexInputs;
  try {
    inputs = JSON.parse(readFileSync(inputsFile, 'utf8')) as RxnormIndexInputs;
  } catch (err) {
    throw new SoleusError(
      'SOLEUS_RXNORM_INDEX',
      `${inputsFile}: expected the index inputs JSON, found ${(err as Error).message}`,
      { cause: err },
    );
  }
  return indexIngredients(loaded.valueSets, inputs);
}
