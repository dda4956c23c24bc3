/**
 * The shipped medication index holds only verified content (issue 14, deliverable 1 and 2):
 * - it is exactly what the build script makes from its inputs (drift check: regenerate and compare);
 * - every product's RxCUI and name is the reference list's, every strength is written in that name, and
 *   every ingredient of interest is named in it (no topiramate-as-meloxicam);
 * - every ingredient code comes from a value set with the same display, none of the excluded ones;
 * - every code of the reference list is accounted for (a product of interest or out of scope).
 * The reference is the CDS Hooks sandbox medication list copied under test/fixtures/rxnorm.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTENT, loadValueSets, RXNORM } from '@soleus/core';
import { buildIndexFromSandboxList } from '../src/medications/rxnorm/build/build-index-from-sandbox-list';
import type { RxnormIndexInputs } from '../src/medications/rxnorm/build/index-ingredients';
import { serializeRxnormIndex } from '../src/medications/rxnorm/build/serialize-rxnorm-index';
import { RXNORM_INDEX_PATH } from '../src/medications/rxnorm/load-rxnorm-index';
import type { RxnormIndexFile } from '../src/medications/rxnorm/rxnorm-index-file';

const DATA = join(__dirname, '..', 'data');
const LIST = join(__dirname, 'fixtures', 'rxnorm', 'cds-hooks-sandbox-medication-list.json');
const reference = JSON.parse(readFileSync(LIST, 'utf8')) as {
  cuiToName: Record<string, string>;
};
const shippedText = readFileSync(RXNORM_INDEX_PATH, 'utf8');
const shipped = JSON.parse(shippedText) as RxnormIndexFile;
const inputs = JSON.parse(
  readFileSync(join(DATA, 'rxnorm-index-inputs.json'), 'utf8'),
) as RxnormIndexInputs;

/** RxNorm's spelling of each UCUM unit the index uses (checked textually, without the parser). */
/**
 * The only names of the list outside the grammar: an allergen extract whose strength unit is
 * `Amb a 1-U`. They are in neither list, so an order for one is "could not be identified".
 */
const UNPARSED = ['1495458', '1495463', '1495465', '1495470'];

const RXNORM_UNIT: Record<string, string> = {
  mg: 'MG',
  '{unit}': 'UNT',
  meq: 'MEQ',
  'mg/mL': 'MG/ML',
  'mg/{actuat}': 'MG/ACTUAT',
  'mg/h': 'MG/HR',
};

describe('shipped medication index (packages/fhir/data/rxnorm-index.json)', () => {
  it('is what scripts/build-rxnorm-index.mjs builds from its inputs today (drift check)', () => {
    const { index, report } = buildIndexFromSandboxList({
      listFile: LIST,
      valueSetsDir: DEFAULT_CONTENT.valueSetsDir,
      inputsFile: join(DATA, 'rxnorm-index-inputs.json'),
    });
    expect(report.unparsed.map((u) => u.rxcui)).toEqual(UNPARSED);
    expect(report.inconsistent).toEqual([]);
    // A changed value set or input without a rebuild fails here: run the script and commit.
    expect(serializeRxnormIndex(index) === shippedText).toBe(true);
  });

  it('ships every product under the RxCUI and exact name the reference list gives it', () => {
    const disagreements = shipped.products.filter((p) => reference.cuiToName[p.rxcui] !== p.name);
    expect(disagreements.map((p) => `${p.rxcui} ${p.name}`)).toEqual([]);
    expect(shipped.products.length).toBeGreaterThan(4000);
  });

  it('writes every strength it ships in the product name itself', () => {
    const missing = shipped.products.flatMap((p) =>
      p.ingredients
        .filter((i) => i.strength)
        .filter((i) => {
          const unit = RXNORM_UNIT[i.strength?.unit ?? ''] ?? '?';
          const written = `${i.substance} ${String(i.strength?.value)} ${unit}`.toLowerCase();
          return !p.name.toLowerCase().includes(written);
        })
        .map((i) => `${p.rxcui} ${p.name}: ${i.substance} ${JSON.stringify(i.strength)}`),
    );
    expect(missing).toEqual([]);
  });

  it('names every ingredient of interest in the product name (or its brand group): no wrong drug', () => {
    const displays = new Map(shipped.ingredients.map((i) => [i.code, i.display.toLowerCase()]));
    const wrong = shipped.products.flatMap((p) =>
      p.ingredients
        .filter((i) => i.rxcui !== undefined)
        .filter((i) => {
          const display = displays.get(i.rxcui ?? '') ?? '?';
          const firstWord = display.split(' ')[0] ?? display;
          const named = p.name.toLowerCase().includes(firstWord);
          const substanceMatches = i.substance.toLowerCase().startsWith(firstWord);
          return !substanceMatches || (!named && p.tty !== 'SBDG');
        })
        .map((i) => `${p.rxcui} ${p.name} → ${displays.get(i.rxcui ?? '')}`),
    );
    expect(wrong).toEqual([]);
  });

  it('takes every ingredient code and display from a loaded value set, never an excluded one', () => {
    const { valueSets } = loadValueSets(DEFAULT_CONTENT.valueSetsDir);
    const inSets = new Map<string, string>();
    for (const vs of valueSets) {
      for (const include of vs.compose?.include ?? []) {
        if (include.system === RXNORM) {
          include.concept?.forEach((c) => inSets.set(c.code, c.display ?? ''));
        }
      }
    }
    expect(shipped.ingredients.map((i) => [i.code, i.display])).toEqual(
      shipped.ingredients.map((i) => [i.code, inSets.get(i.code)]),
    );
    const excluded = new Set(inputs.excludedValueSetCodes.map((c) => c.code));
    expect(shipped.ingredients.filter((i) => excluded.has(i.code))).toEqual([]);
    // Every RxNorm code of every value set is in the index unless the inputs exclude it: as an
    // ingredient, or (a product the value set lists itself) as a product carrying that value set.
    const missing = [...inSets.keys()].filter(
      (code) =>
        !excluded.has(code) &&
        !shipped.ingredients.some((i) => i.code === code) &&
        !shipped.products.some((p) => p.rxcui === code && (p.valueSets ?? []).length > 0),
    );
    expect(missing).toEqual([]);
  });

  it('keeps each product a value set lists by its own code under the reference name and display', () => {
    const { valueSets } = loadValueSets(DEFAULT_CONTENT.valueSetsDir);
    const listed = shipped.products.filter((p) => p.valueSets !== undefined);
    // amiloride's SCDC, SCD, SBDC, SBD and its two combinations (diuretics-k-sparing 1.1.0)
    expect(listed.map((p) => p.rxcui)).toEqual([
      '977879',
      '977880',
      '977881',
      '977882',
      '977883',
      '977959',
    ]);
    for (const product of listed) {
      const display = valueSets
        .flatMap((vs) => vs.compose?.include ?? [])
        .flatMap((inc) => (inc.system === RXNORM ? (inc.concept ?? []) : []))
        .find((c) => c.code === product.rxcui)?.display;
      expect([product.name, display]).toEqual([
        reference.cuiToName[product.rxcui],
        reference.cuiToName[product.rxcui],
      ]);
      expect(product.valueSets).toEqual(['cramp-culprit-drugs', 'diuretics-k-sparing']);
    }
    expect(shipped.ingredients.some((i) => i.display.startsWith('Amiloride'))).toBe(false);
  });

  it('accounts for every code of the reference list: a product of interest or out of scope', () => {
    const products = new Set(shipped.products.map((p) => p.rxcui));
    const outOfScope = new Set(shipped.outOfScope);
    const both = shipped.outOfScope.filter((c) => products.has(c));
    const lost = Object.keys(reference.cuiToName).filter(
      (c) => !products.has(c) && !outOfScope.has(c) && !UNPARSED.includes(c),
    );
    const foreign = [...products, ...outOfScope].filter((c) => !(c in reference.cuiToName));
    expect({ both, lost, foreign }).toEqual({ both: [], lost: [], foreign: [] });
  });

  it('keeps the products of watch-list class members (e.g. fenoprofen) out of the out-of-scope list', () => {
    const fenoprofen = shipped.products.filter((p) =>
      p.ingredients.some((i) => i.unverified === 'fenoprofen'),
    );
    expect(fenoprofen.length).toBeGreaterThan(0);
    expect(fenoprofen.every((p) => p.tty === 'SBDG' || /fenoprofen/i.test(p.name))).toBe(true);
    const oosNames = shipped.outOfScope.map((c) => reference.cuiToName[c] ?? '');
    for (const watched of shipped.watch) {
      expect({
        watched: watched.name,
        outOfScope: oosNames.filter((n) => n.toLowerCase().startsWith(`${watched.name} `)),
      }).toEqual({ watched: watched.name, outOfScope: [] });
    }
  });
});
