import { resolve } from 'node:path';
import { isSoleusError } from '@soleus/core';
import { loadRxnormIndex, type RxnormIndex } from '@soleus/fhir';
import { CliUsageError } from './cli-io';

/** `--rxnorm-index <file>`: a site's medication index (from `soleus rxnorm import`) instead of the shipped one. */
export const RXNORM_INDEX_OPTION = { 'rxnorm-index': { type: 'string' } } as const;

const loaded = new Map<string, RxnormIndex>();

/**
 * Loads the index a command was given, once per file per process (`soleus test` evaluates many cases).
 * @param file - the option's value, or undefined for the shipped index
 * @returns the index, or undefined to use the shipped one
 * @throws {CliUsageError} when the file is missing or not a medication index (exit 2)
 */
export function rxnormIndexFromOption(file: string | undefined): RxnormIndex | undefined {
  if (file === undefined) {
    return undefined;
  }
  const path = resolve(file);
  const known = loaded.get(path);
  if (known) {
    return known;
  }
  try {
    const index = loadRxnormIndex(path);
    loaded.set(path, index);
    return index;
  } catch (err) {
    if (isSoleusError(err)) {
      throw new CliUsageError(`${err.code}: ${err.message}`);
    }
    throw err;
  }
}
