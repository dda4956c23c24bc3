/**
 * Reads a medication index file: the shipped one (`packages/fhir/data/rxnorm-index.json`, loaded once on
 * first use) or a site's own (`--rxnorm-index` / the server's `rxnormIndex` setting). A file that does
 * not match `rxnorm-index.schema.json` is refused as a whole: a half-read index would silently turn
 * products of interest into unknown ones.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { SoleusError } from '@soleus/core';
import { RxnormIndex } from './rxnorm-index';
import type { RxnormIndexFile } from './rxnorm-index-file';

const DATA_DIR = join(__dirname, '..', '..', '..', 'data');

/** Absolute path of the shipped index; `data/` sits beside both `src/` and `dist/`. */
export const RXNORM_INDEX_PATH = join(DATA_DIR, 'rxnorm-index.json');

/** Absolute path of the shipped index inputs (excluded codes, watch list, extra known names). */
export const RXNORM_INDEX_INPUTS_PATH = join(DATA_DIR, 'rxnorm-index-inputs.json');

let validate: ReturnType<Ajv2020['compile']> | undefined;
let shipped: RxnormIndex | undefined;

/**
 * Reads and checks an index file.
 * @param path - the file to read
 * @returns the index
 * @throws {SOLEUS_RXNORM_INDEX} when the file cannot be read, is not JSON or does not match the schema
 */
export function loadRxnormIndex(path: string): RxnormIndex {
  const file = resolve(path);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new SoleusError(
      'SOLEUS_RXNORM_INDEX',
      `${file}: expected a readable JSON medication index, found ${(err as Error).message}`,
      { cause: err },
    );
  }
  validate ??= new Ajv2020({ allErrors: false, strict: true }).compile(
    JSON.parse(readFileSync(join(DATA_DIR, 'rxnorm-index.schema.json'), 'utf8')) as object,
  );
  if (!validate(json)) {
    const first = validate.errors?.[0];
    throw new SoleusError(
      'SOLEUS_RXNORM_INDEX',
      `${file}#${first?.instancePath ?? ''}: expected a medication index (rxnorm-index.schema.json), found a value that ${first?.message ?? 'does not match'}; rebuild it with \`soleus rxnorm import\``,
    );
  }
  return new RxnormIndex(json as RxnormIndexFile, file);
}

/**
 * The shipped index, read on first use and shared afterwards.
 * @returns the index
 */
export function shippedRxnormIndex(): RxnormIndex {
  shipped ??= loadRxnormIndex(RXNORM_INDEX_PATH);
  return shipped;
}
