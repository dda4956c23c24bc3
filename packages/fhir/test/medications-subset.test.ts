import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  lookupIngredient,
  lookupRxcui,
  matchIngredientNames,
} from '../src/medications/rxnorm-index';
import type { RxnormSubset } from '../src/medications/rxnorm-subset';

const DATA = join(__dirname, '..', 'data');
const subset = JSON.parse(readFileSync(join(DATA, 'rxnorm-subset.json'), 'utf8')) as RxnormSubset;
const schema = JSON.parse(readFileSync(join(DATA, 'rxnorm-subset.schema.json'), 'utf8')) as object;

/** clinical-spec §5.3 "RxNorm ingredients", code → name. */
const SPEC_INGREDIENTS: ReadonlyArray<[string, string]> = [
  ['161', 'acetaminophen'],
  ['5640', 'ibuprofen'],
  ['7258', 'naproxen'],
  ['3355', 'diclofenac'],
  ['140587', 'celecoxib'],
  ['41493', 'meloxicam'],
  ['35827', 'ketorolac'],
  ['5781', 'indomethacin'],
  ['1191', 'aspirin'],
  ['5487', 'hydrochlorothiazide'],
  ['2409', 'chlorthalidone'],
  ['5764', 'indapamide'],
  ['6916', 'metolazone'],
  ['4603', 'furosemide'],
  ['1808', 'bumetanide'],
  ['38413', 'torsemide'],
  ['9997', 'spironolactone'],
  ['10763', 'triamterene'],
  ['8640', 'prednisone'],
  ['8638', 'prednisolone'],
  ['6902', 'methylprednisolone'],
  ['3264', 'dexamethasone'],
  ['36437', 'sertraline'],
  ['4493', 'fluoxetine'],
  ['2556', 'citalopram'],
  ['321988', 'escitalopram'],
  ['32937', 'paroxetine'],
  ['72625', 'duloxetine'],
  ['39786', 'venlafaxine'],
  ['588250', 'milnacipran'],
  ['25480', 'gabapentin'],
  ['187832', 'pregabalin'],
  ['704', 'amitriptyline'],
  ['7531', 'nortriptyline'],
  ['5691', 'imipramine'],
  ['3638', 'doxepin'],
  ['7646', 'omeprazole'],
  ['283742', 'esomeprazole'],
  ['40790', 'pantoprazole'],
  ['17128', 'lansoprazole'],
  ['114979', 'rabeprazole'],
  ['42331', 'misoprostol'],
  ['4278', 'famotidine'],
  ['11289', 'warfarin'],
  ['1364430', 'apixaban'],
  ['1114195', 'rivaroxaban'],
  ['1037042', 'dabigatran etexilate'],
  ['1546356', 'dabigatran'],
  ['1599538', 'edoxaban'],
  ['5224', 'heparin'],
  ['67108', 'enoxaparin'],
  ['83367', 'atorvastatin'],
  ['36567', 'simvastatin'],
  ['301542', 'rosuvastatin'],
  ['42463', 'pravastatin'],
  ['9071', 'quinine'],
  ['36117', 'salmeterol'],
  ['25255', 'formoterol'],
  ['69120', 'tiotropium'],
  ['72143', 'raloxifene'],
  ['10689', 'tramadol'],
  ['5489', 'hydrocodone'],
  ['7804', 'oxycodone'],
  ['21949', 'cyclobenzaprine'],
  ['2101', 'carisoprodol'],
  ['7715', 'orphenadrine'],
  ['32968', 'clopidogrel'],
];

/** clinical-spec §5.3 "Clinical products", code → ingredient codes. */
const SPEC_PRODUCTS: ReadonlyArray<[string, string[]]> = [
  ['310798', ['5487']],
  ['856834', ['704']],
  ['310431', ['25480']],
  ['483450', ['187832']],
  ['1364445', ['1364430']],
  ['1232086', ['1114195']],
  ['854255', ['67108']],
  ['857002', ['161', '5489']],
  ['1049221', ['161', '7804']],
  ['835603', ['10689']],
  ['312941', ['36437']],
  ['617311', ['83367']],
  ['198145', ['8640']],
  ['596930', ['72625']],
  ['834022', ['35827']],
  ['198440', ['161']],
  ['197806', ['5640']],
  ['198013', ['7258']],
  ['205323', ['140587']],
  ['313782', ['161']],
];

/** Strengths the brief asks for: ingredient → mg strengths that must exist as products. */
const WANTED_STRENGTHS: ReadonlyArray<[string, string, number[]]> = [
  ['acetaminophen', '161', [325, 500, 650]],
  ['ibuprofen', '5640', [200, 400, 600, 800]],
  ['naproxen', '7258', [220, 250, 375, 500, 550]],
  ['diclofenac', '3355', [50, 75]],
  ['celecoxib', '140587', [100, 200]],
  ['meloxicam', '41493', [7.5, 15]],
  ['indomethacin', '5781', [25, 50]],
  ['hydrochlorothiazide', '5487', [12.5, 25, 50]],
  ['furosemide', '4603', [20, 40]],
  ['apixaban', '1364430', [2.5, 5]],
  ['rivaroxaban', '1114195', [10, 15, 20]],
  ['gabapentin', '25480', [100, 300, 400, 600, 800]],
  ['pregabalin', '187832', [25, 50, 75, 150]],
  ['atorvastatin', '83367', [10, 20, 40, 80]],
  ['doxepin', '3638', [3, 6, 10]],
  ['sertraline', '36437', [50, 100]],
  ['duloxetine', '72625', [30, 60]],
  ['prednisone', '8640', [10, 20]],
];

describe('rxnorm-subset.json', () => {
  it('validates against rxnorm-subset.schema.json', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(subset)).toBe(true);
    expect(validate.errors ?? []).toEqual([]);
  });

  it('gives every RxCUI exactly one entry', () => {
    const codes = [...subset.ingredients, ...subset.products].map((e) => e.rxcui);
    expect(codes.length).toBe(new Set(codes).size);
  });

  it.each(SPEC_INGREDIENTS)('holds §5.3 ingredient %s (%s) with classes', (rxcui, name) => {
    const ingredient = lookupIngredient(rxcui);
    expect(ingredient?.name).toBe(name);
    expect(ingredient?.classes.length).toBeGreaterThan(0);
    expect(ingredient?.provenance).toMatch(/^clinical-spec §5\.3 /);
  });

  it.each(SPEC_PRODUCTS)('holds §5.3 product %s with ingredients %j', (rxcui, ingredients) => {
    const entry = lookupRxcui(rxcui);
    expect(entry?.kind).toBe('product');
    if (entry?.kind === 'product') {
      expect(entry.product.ingredients.map((i) => i.rxcui)).toEqual(ingredients);
      expect(entry.product.provenance).toMatch(/^clinical-spec §5\.3 \[V-/);
    }
  });

  it.each(WANTED_STRENGTHS)('has %s products in every wanted strength', (_name, rxcui, mgs) => {
    const strengths = subset.products
      .filter((p) => p.ingredients.length === 1 && p.ingredients[0]?.rxcui === rxcui)
      .map((p) => p.ingredients[0]?.strength.value);
    expect(strengths).toEqual(expect.arrayContaining(mgs));
  });

  it('names every product ingredient as the subset ingredient of that RxCUI', () => {
    const mismatches = subset.products.flatMap((p) =>
      p.ingredients
        .filter((i) => lookupIngredient(i.rxcui)?.name !== i.name)
        .map((i) => `${p.rxcui}:${i.rxcui}`),
    );
    expect(mismatches).toEqual([]);
  });

  it('tags every product that clinical-spec §5.3 does not list as [U]', () => {
    const listed = new Set(SPEC_PRODUCTS.map(([rxcui]) => rxcui));
    const untagged = subset.products
      .filter((p) => !listed.has(p.rxcui) && p.provenance !== '[U] domain knowledge')
      .map((p) => p.rxcui);
    expect(untagged).toEqual([]);
  });
});

describe('rxnorm index', () => {
  it.each([
    ['a product code', '857002', 'product'],
    ['an ingredient code', '161', 'ingredient'],
    ['a code with surrounding spaces', ' 161 ', 'ingredient'],
    ['an unknown code', '999999999', undefined],
  ])('looks up %s', (_desc, code, kind) => {
    expect(lookupRxcui(code)?.kind).toBe(kind);
  });

  it.each([
    ['Quinine sulfate 324 mg capsule', ['9071']],
    ['APAP: Acetaminophen/HYDROcodone 325/5', ['161', '5489']],
    ['dabigatran etexilate 150 mg', ['1037042']],
    ['Tylenol', []],
    ['paracetamol-free text', []],
  ])('matches ingredient names in %j', (text, want) => {
    expect(matchIngredientNames(text).map((i) => i.rxcui)).toEqual(want);
  });
});
