/**
 * Issue 14 acceptance over the 24 third-party records (test/fixtures/synthea): every distinct RxNorm
 * code, with the display the record gives it, is identified (by code or by its normalized name), out of
 * scope by ingredient, or on the documented list of products that no verified source lets Soleus
 * identify; every opioid, acetaminophen, NSAID, gabapentinoid and thiazide in them is recognised; and
 * where a record's display is itself a normalized name, it agrees with the shipped index (the one
 * disagreement is the record's own error, documented below).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Coding } from 'fhir/r4';
import { conceptToProduct, type ConceptMatch } from '../src/medications/concept-to-product';
import { identifyByName } from '../src/medications/rxnorm/identify-by-name';
import { shippedRxnormIndex } from '../src/medications/rxnorm/load-rxnorm-index';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const DIR = join(__dirname, 'fixtures', 'synthea');
const index = shippedRxnormIndex();

/** Every distinct RxNorm coding of the records, with the first display seen for it. */
function recordCodings(): Map<string, Coding> {
  const codings = new Map<string, Coding>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node !== null && typeof node === 'object') {
      const c = node as Coding;
      if (c.system === RXNORM && typeof c.code === 'string' && !codings.has(c.code)) {
        codings.set(c.code, c);
      }
      Object.values(node).forEach(walk);
    }
  };
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
  }
  return codings;
}

const codings = recordCodings();
const matches = new Map<string, ConceptMatch>(
  [...codings].map(([code, coding]) => [code, conceptToProduct({ coding: [coding] }, index)]),
);

/**
 * Codes no verified source lets Soleus identify. The records name these brand packs and the IUD only by
 * their RxNorm synonyms ("Camila 28 Day Pack", "Mirena 52 MG Intrauterine System"), which name no
 * ingredient; neither the reference list nor a published expansion read for the project (the VSAC
 * Contraceptive Medications expansion lists the generic packs only, e.g. 748961 "{28 (norethindrone
 * 0.35 MG Oral Tablet) } Pack") lists these branded codes. A record that sends the pack's normalized
 * name ("{28 (…) } Pack [Camila 28 Day]") is identified by name; a full RxNorm release imported with
 * `soleus rxnorm import` resolves the codes. None of them suggests an ingredient a rule reads.
 */
const NOT_IDENTIFIABLE = [
  '1359133', // Estrostep Fe 28 Day Pack
  '748879', // Levora 0.15/30 28 Day Pack
  '748962', // Camila 28 Day Pack
  '749882', // Norinyl 1+50 28 Day Pack
  '807283', // Mirena 52 MG Intrauterine System
  '831533', // Errin 28 Day Pack
];

describe('RxNorm codes of the 24 third-party records', () => {
  it('has the 63 distinct codes counted in the issue', () => {
    expect(codings.size).toBe(63);
  });

  it('identifies or calls out of scope every code but the documented unidentifiable ones', () => {
    const unidentified = [...matches].filter(([, m]) => m.kind === 'unidentified');
    expect(unidentified.map(([code]) => code).sort()).toEqual([...NOT_IDENTIFIABLE].sort());
    expect(
      unidentified.every(([, m]) => m.kind === 'unidentified' && m.suggests.length === 0),
    ).toBe(true);
    // 57 of 63 (90.5 %) today; the target is 99 % (see the reports of issue 14 and of the
    // followups branch). Cisplatin 1736854 and docetaxel 1860480 are identified since the
    // antineoplastics value set (issue 11, Wells item 1) made their ingredients ones the rules read.
    expect(codings.size - unidentified.length).toBe(57);
  });

  it('calls the Humulin 70/30 mix out of scope by the normalized name the records give it', () => {
    // Its display is an RxNorm SBD name; both insulins are verified names outside the rules.
    expect(index.lookup('106892')).toBeUndefined();
    expect(matches.get('106892')).toEqual({ kind: 'out-of-scope' });
  });

  it('keeps each match, frozen, and a kept match is the one made afresh', () => {
    for (const coding of codings.values()) {
      for (const concept of [
        { coding: [coding] },
        { coding: [coding], text: 'ibuprofen 400 MG' },
      ]) {
        const kept = conceptToProduct(concept, index);
        expect(conceptToProduct(structuredClone(concept), index)).toBe(kept);
        expect(Object.isFrozen(kept)).toBe(true);
        // Another index object (same data) keeps its own matches: this one is made afresh.
        expect(conceptToProduct(concept, Object.create(index) as typeof index)).toEqual(kept);
      }
    }
  });

  it('reads a pack sent under its normalized name: out of scope by its ingredients', () => {
    const pack = (display: string) =>
      conceptToProduct({ coding: [{ system: RXNORM, code: '748962', display }] }, index);
    expect(pack('{28 (norethindrone 0.35 MG Oral Tablet) } Pack [Camila 28 Day]')).toEqual({
      kind: 'out-of-scope',
    });
    expect(
      pack(
        '{21 (ethinyl estradiol 0.03 MG / levonorgestrel 0.15 MG Oral Tablet) / 7 (inert ingredients 1 MG Oral Tablet) } Pack',
      ),
    ).toEqual({ kind: 'out-of-scope' });
    // One substance nobody verified keeps the pack unidentified: never out of scope by guess.
    expect(pack('{28 (zorbitrol 0.35 MG Oral Tablet) } Pack').kind).toBe('unidentified');
  });

  it('identifies a listed ingredient inside a pack, with its per-unit strength', () => {
    const named = identifyByName(
      '{14 (Naproxen 500 MG Oral Tablet) / 14 (inert ingredients 1 MG Oral Tablet) } Pack',
      index,
    );
    expect(named.kind).toBe('product');
    const naproxen =
      named.kind === 'product'
        ? named.product.ingredients.find((i) => i.rxcui !== undefined)
        : undefined;
    expect(naproxen).toMatchObject({ rxcui: '7258', strength: { value: 500, unit: 'mg' } });
  });

  it('recognises every opioid, acetaminophen, NSAID, gabapentinoid and thiazide in them', () => {
    const classes = ['opioids', 'apap', 'nsaid-systemic', 'gabapentinoids', 'diuretics-thiazide'];
    const names = index.file.ingredients
      .filter((i) => i.valueSets.some((v) => classes.includes(v)))
      .map((i) => i.display);
    const pattern = new RegExp(`(^|[^a-z])(${names.join('|')})`, 'i');
    const inClass = [...codings].filter(
      ([code, c]) => pattern.test(c.display ?? '') || pattern.test(referenceName(code)),
    );
    expect(inClass.length).toBe(18);
    const missed = inClass.filter(([code]) => {
      const m = matches.get(code);
      return (
        m?.kind !== 'identified' ||
        !m.product.ingredients.some((i) => i.valueSets.some((v) => classes.includes(v)))
      );
    });
    expect(missed.map(([code, c]) => `${code} ${c.display ?? ''}`)).toEqual([]);
  });

  it('agrees with every record display that is a normalized name, except the record error 833036', () => {
    const listed = (ingredients: readonly { rxcui?: string; strength?: { value: number } }[]) =>
      ingredients
        .filter((i) => i.rxcui !== undefined)
        .map((i) => `${i.rxcui ?? ''}:${i.strength?.value ?? ''}`)
        .sort()
        .join();
    const disagree = [...codings].filter(([code, coding]) => {
      const entry = index.lookup(code);
      const named = identifyByName(coding.display ?? '', index);
      if (entry?.kind !== 'product' || named.kind === 'unidentified') {
        return false;
      }
      const fromName = named.kind === 'product' ? listed(named.product.ingredients) : '';
      return listed(entry.product.ingredients) !== fromName;
    });
    // 833036 is "Acetaminophen 750 MG / Hydrocodone Bitartrate 7.5 MG Oral Tablet" in the reference
    // list; the Synthea record labels it "Captopril 25 MG Oral Tablet". The code is used, and the
    // conflict is reported to the clinician.
    expect(disagree.map(([code]) => code)).toEqual(['833036']);
    const captopril = matches.get('833036');
    expect(captopril?.kind === 'identified' && captopril.conflict).toBeTruthy();
  });
});

function referenceName(code: string): string {
  const entry = index.lookup(code);
  return entry?.kind === 'product' ? entry.product.name : '';
}
