/**
 * Issue 14 acceptance, over every oral tablet/capsule product of the reference list (the CDS Hooks
 * sandbox's prescribable products), each drafted on order-sign coded by its RxCUI alone:
 * - every systemic NSAID product (an ingredient of `nsaid-systemic`) gives `nsaid-contraindicated` for a
 *   patient with CKD stage 4;
 * - every acetaminophen product gives `apap-max-dose` for a patient already at 4 g/day, and adds
 *   exactly the acetaminophen its name states;
 * - no other product gives either card (no wrong-drug card);
 * - a product of a watched NSAID without a verified code (fenoprofen …) is said to be unchecked.
 * Products are evaluated in batches of drafts in one request; that keeps the meaning because each
 * draft must appear in the fact's evidence on its own (NSAID, acetaminophen), and a silent batch
 * proves every product in it silent. A failing batch is re-run product by product to name the culprit.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MedicationRequest } from 'fhir/r4';
import { DEFAULT_CONTENT, loadRuleSet, type RuleSet } from '@soleus/core';
import { evaluateRecord, type EvaluateRecordOutcome } from '../src/evaluate/evaluate-record';
import { recordFromBundle } from '../src/record/record-from-bundle';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const NOW = '2026-11-22T09:00:00Z';
const VIGNETTES = join(__dirname, 'vignettes');
const list = JSON.parse(
  readFileSync(
    join(__dirname, 'fixtures', 'rxnorm', 'cds-hooks-sandbox-medication-list.json'),
    'utf8',
  ),
) as { cuiToName: Record<string, string>; componentSetsToPrescribables: Record<string, string[]> };
const valueSet = (file: string) =>
  JSON.parse(readFileSync(join(DEFAULT_CONTENT.valueSetsDir, file), 'utf8')) as {
    compose: { include: { concept?: { display: string }[] }[] };
  };

/** Word patterns of a value set's ingredient displays, read from the value set file itself. */
function namesOf(file: string): RegExp {
  const names = valueSet(file).compose.include.flatMap((i) =>
    (i.concept ?? []).map((c) => c.display),
  );
  return new RegExp(`(^|[^a-z])(${names.join('|')})([^a-z]|$)`, 'i');
}

const PILL_FORMS =
  /(Oral Tablet|Oral Capsule|Chewable Tablet|Disintegrating Oral Tablet|Sublingual Tablet|Buccal Tablet)( \[[^\]]+\])?$/;
const products = [...new Set(Object.values(list.componentSetsToPrescribables).flat())].map(
  (rxcui) => ({ rxcui, name: list.cuiToName[rxcui] ?? '' }),
);
const NSAID = namesOf('analgesic/nsaid-systemic.valueset.json');
const WATCHED_NSAID = /(^|[^a-z])(flurbiprofen|fenoprofen|meclofenamate|mefenamic acid)([^a-z]|$)/i;
const APAP = namesOf('analgesic/apap.valueset.json');
const nsaidProducts = products.filter((p) => NSAID.test(p.name));
const watchedNsaidProducts = products.filter(
  (p) => !NSAID.test(p.name) && WATCHED_NSAID.test(p.name),
);
const apapProducts = products.filter((p) => APAP.test(p.name));

let ruleSet: RuleSet;
beforeAll(async () => {
  ruleSet = await loadRuleSet(DEFAULT_CONTENT);
});

function draft(rxcui: string): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: `draft-${rxcui}`,
    status: 'draft',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { coding: [{ system: RXNORM, code: rxcui }] },
    dosageInstruction: [
      {
        timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } },
        doseAndRate: [
          {
            doseQuantity: {
              value: 1,
              unit: 'tablet',
              system: 'http://unitsofmeasure.org',
              code: '{tbl}',
            },
          },
        ],
      },
    ],
  };
}

async function orderSign(
  recordFile: string,
  rxcuis: readonly string[],
): Promise<EvaluateRecordOutcome> {
  const bundle = JSON.parse(readFileSync(join(VIGNETTES, recordFile), 'utf8')) as unknown;
  return evaluateRecord(recordFromBundle(bundle, 'bundle'), {
    ruleSet,
    hook: 'order-sign',
    now: NOW,
    draftOrders: rxcuis.map(draft),
  });
}

function batches<T>(items: readonly T[], size = 100): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

const cardIds = (o: EvaluateRecordOutcome) => o.response.cards.map((c) => c.source.topic?.code);
const evidence = (o: EvaluateRecordOutcome, fact: string) =>
  new Set((o.facts.get(fact)?.evidence ?? []).map((e) => e.resource));

/**
 * The products that give a card when drafted: batches of 100 drafts, and only a batch that gives the
 * card is re-run product by product to name the culprits.
 */
async function productsGiving(
  recordFile: string,
  candidates: readonly { rxcui: string; name: string }[],
  card: string,
): Promise<string[]> {
  const found: string[] = [];
  for (const batch of batches(candidates)) {
    if (
      !cardIds(
        await orderSign(
          recordFile,
          batch.map((p) => p.rxcui),
        ),
      ).includes(card)
    ) {
      continue;
    }
    for (const p of batch) {
      if (cardIds(await orderSign(recordFile, [p.rxcui])).includes(card)) {
        found.push(`${p.rxcui} ${p.name}`);
      }
    }
  }
  return found;
}

describe('the reference list', () => {
  it('holds only oral tablet and capsule products, NSAIDs and acetaminophen among them', () => {
    expect(products.filter((p) => !PILL_FORMS.test(p.name))).toEqual([]);
    expect(products.length).toBeGreaterThan(10000);
    expect(nsaidProducts.length).toBeGreaterThan(340);
    expect(apapProducts.length).toBeGreaterThan(500);
  });
});

describe('CKD stage 4 (nsaid-contraindicated/ckd-g4.bundle.json), one draft per product', () => {
  const RECORD = 'nsaid-contraindicated/ckd-g4.bundle.json';

  it(`gives nsaid-contraindicated for 100 % of the ${nsaidProducts.length} systemic NSAID products`, async () => {
    const notRecognised: string[] = [];
    for (const batch of batches(nsaidProducts)) {
      const outcome = await orderSign(
        RECORD,
        batch.map((p) => p.rxcui),
      );
      expect(cardIds(outcome)).toContain('nsaid-contraindicated');
      const drafts = evidence(outcome, 'analgesic.nsaidDraft');
      notRecognised.push(
        ...batch
          .filter((p) => !drafts.has(`MedicationRequest/draft-${p.rxcui}`))
          .map((p) => `${p.rxcui} ${p.name}`),
      );
    }
    expect(notRecognised).toEqual([]);
  }, 60_000);

  it('gives no nsaid-contraindicated card for any other product (no wrong-drug card)', async () => {
    const others = products.filter((p) => !NSAID.test(p.name) && !WATCHED_NSAID.test(p.name));
    expect(await productsGiving(RECORD, others, 'nsaid-contraindicated')).toEqual([]);
  }, 120_000);

  it(`says once that each of the ${watchedNsaidProducts.length} products of a watched NSAID (no verified code) could not be checked`, async () => {
    const outcome = await orderSign(
      RECORD,
      watchedNsaidProducts.map((p) => p.rxcui),
    );
    expect(cardIds(outcome)).toContain('data-quality');
    const unchecked = outcome.issues.filter(
      (i) => i.code === 'SOLEUS_FHIR_UNMAPPED_MEDICATION' && i.audience !== 'operator',
    );
    expect(unchecked.map((i) => i.location?.resource).sort()).toEqual(
      watchedNsaidProducts.map((p) => `MedicationRequest/draft-${p.rxcui}`).sort(),
    );
    expect(
      unchecked.every((i) =>
        /read as (flurbiprofen|fenoprofen|meclofenamate|mefenamic acid)/.test(i.message),
      ),
    ).toBe(true);
  }, 30_000);
});

describe('already at 4 g/day (apap-max-dose/combo-draft.bundle.json), one tablet a day per product', () => {
  const RECORD = 'apap-max-dose/combo-draft.bundle.json';
  /** The acetaminophen the product's name states, per tablet/capsule. */
  const statedMg = (name: string) => Number(/acetaminophen (\d+(?:\.\d+)?) MG/i.exec(name)?.[1]);

  it(`gives apap-max-dose for 100 % of the ${apapProducts.length} acetaminophen products, each adding what its name states`, async () => {
    const wrongTotals: string[] = [];
    for (const batch of batches(apapProducts)) {
      const outcome = await orderSign(
        RECORD,
        batch.map((p) => p.rxcui),
      );
      expect(cardIds(outcome)).toContain('apap-max-dose');
      const total = outcome.facts.get('analgesic.apapDailyTotal');
      const counted = evidence(outcome, 'analgesic.apapDailyTotal');
      const expected = 4000 + batch.reduce((sum, p) => sum + statedMg(p.name), 0);
      const missing = batch.filter((p) => !counted.has(`MedicationRequest/draft-${p.rxcui}`));
      if (
        missing.length > 0 ||
        Math.abs(Number(total?.value) - expected) > 0.01 ||
        total?.ignored
      ) {
        wrongTotals.push(
          `${String(total?.value)} ≠ ${expected}: ${missing.map((p) => p.name).join('; ')}`,
        );
      }
    }
    expect(wrongTotals).toEqual([]);
  }, 60_000);

  it('gives no apap-max-dose card for any other product (no wrong-drug card)', async () => {
    const others = products.filter((p) => !APAP.test(p.name));
    expect(await productsGiving(RECORD, others, 'apap-max-dose')).toEqual([]);
  }, 120_000);
});
