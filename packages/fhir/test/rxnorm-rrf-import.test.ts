/**
 * `soleus rxnorm import` at the library level: a small release in RRF (test/fixtures/rxnorm/rrf) becomes
 * an index in the shipped format that loads, identifies products by code (relations give ingredients
 * and strengths; packs, groups and injections included) and calls the rest out of scope.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONTENT } from '@soleus/core';
import { buildIndexFromRrf } from '../src/medications/rxnorm/build/rrf/build-index-from-rrf';
import { serializeRxnormIndex } from '../src/medications/rxnorm/build/serialize-rxnorm-index';
import {
  loadRxnormIndex,
  RXNORM_INDEX_INPUTS_PATH,
} from '../src/medications/rxnorm/load-rxnorm-index';
import type { RxnormIndexFile } from '../src/medications/rxnorm/rxnorm-index-file';
import { resolveMedication } from '../src/medications/resolve-medication';

const RELEASE = join(__dirname, 'fixtures', 'rxnorm', 'rrf');
const sources = {
  releaseDir: RELEASE,
  valueSetsDir: DEFAULT_CONTENT.valueSetsDir,
  inputsFile: RXNORM_INDEX_INPUTS_PATH,
};
let index: RxnormIndexFile;
let dir: string;

beforeAll(async () => {
  index = (await buildIndexFromRrf(sources)).index;
  dir = mkdtempSync(join(tmpdir(), 'soleus-rrf-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const product = (rxcui: string) => index.products.find((p) => p.rxcui === rxcui);
const parts = (rxcui: string) =>
  product(rxcui)?.ingredients.map((i) => [i.rxcui, i.strength?.value, i.strength?.unit]);

describe('buildIndexFromRrf', () => {
  it('reads ingredients and strengths through the relations (consists_of, has_ingredient)', () => {
    expect(parts('857002')).toEqual([
      ['161', 325, 'mg'],
      ['5489', 5, 'mg'],
    ]);
    expect(product('857002')).toMatchObject({ tty: 'SCD', doseForm: 'Oral Tablet', route: 'oral' });
  });

  it('reaches a branded component ingredient through its clinical component (tradename_of)', () => {
    expect(parts('209459')).toEqual([['161', 500, 'mg']]);
    expect(product('209459')?.brand).toBe('Tylenol');
  });

  it('gives dose-form groups their drugs ingredients without strengths (isa)', () => {
    expect(parts('1151550')).toEqual([
      ['161', undefined, undefined],
      ['5489', undefined, undefined],
    ]);
    expect(product('1187315')).toMatchObject({ tty: 'SBDG', brand: 'Tylenol' });
  });

  it('reads a product without component relations from its normalized name (injection, quantity)', () => {
    expect(product('1719286')).toMatchObject({
      ingredients: [{ rxcui: '4603', strength: { value: 10, unit: 'mg/mL' } }],
      quantity: { value: 10, unit: 'mL' },
      route: 'injection',
    });
  });

  it('lists products and packs of no interest as out of scope, and knows their ingredients by name', () => {
    expect(index.outOfScope).toEqual(expect.arrayContaining(['562251', '198042', '748961']));
    expect(index.knownNames).toEqual(expect.arrayContaining(['amoxicillin', 'clavulanate']));
  });

  it('ignores obsolete rows and atoms of other sources, and records the files it read', async () => {
    const { report } = await buildIndexFromRrf(sources);
    expect(report).toEqual({ unparsed: [], inconsistent: [], unverified: [] });
    expect(product('198440')?.name).toBe('Acetaminophen 500 MG Oral Tablet');
    expect(index.provenance.sourceFiles.map((f) => f.file)).toEqual([
      'RXNCONSO.RRF',
      'RXNREL.RRF',
      'RXNSAT.RRF',
    ]);
  });

  it('writes a file that loads and identifies the injection by its code, not by name', () => {
    const file = join(dir, 'site-index.json');
    writeFileSync(file, serializeRxnormIndex(index));
    const siteIndex = loadRxnormIndex(file);
    const resolution = resolveMedication(
      {
        resourceType: 'MedicationRequest',
        id: 'm1',
        status: 'active',
        intent: 'order',
        subject: { reference: 'Patient/p1' },
        medicationCodeableConcept: {
          coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '1719286' }],
        },
      },
      () => undefined,
      siteIndex,
    );
    expect(resolution.status === 'identified' && resolution.product.identifiedBy).toBe('code');
  });

  it('refuses a directory without the release files', async () => {
    await expect(buildIndexFromRrf({ ...sources, releaseDir: dir })).rejects.toMatchObject({
      code: 'SOLEUS_RXNORM_INDEX',
    });
  });
});
