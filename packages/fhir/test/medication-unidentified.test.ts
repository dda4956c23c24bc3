/**
 * Issue 14, items 3 and 5, through the whole pipeline (facts → engine → cards) with the bundled packs:
 * - a product identified by its RxNorm normalized name counts, and the card's explanation says so;
 * - a product that cannot be identified and whose name suggests nothing a rule reads is only counted
 *   (audience operator): no data-quality card on patient-view;
 * - the same product as a draft order on order-sign is said, once, to be unchecked;
 * - a name that suggests an ingredient a rule reads reaches the clinician.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MedicationRequest } from 'fhir/r4';
import { DEFAULT_CONTENT, loadRuleSet, type RuleSet } from '@soleus/core';
import { evaluateRecord } from '../src/evaluate/evaluate-record';
import type { Hook } from '../src/evaluate/hooks';
import { recordFromBundle } from '../src/record/record-from-bundle';

const NOW = '2026-11-22T09:00:00Z';
const CKD4 = join(__dirname, 'vignettes', 'nsaid-contraindicated', 'ckd-g4.bundle.json');
let ruleSet: RuleSet;
beforeAll(async () => {
  ruleSet = await loadRuleSet(DEFAULT_CONTENT);
});

function order(id: string, status: 'active' | 'draft', text: string): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status,
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text },
    dosageInstruction: [
      {
        timing: { repeat: { frequency: 3, period: 1, periodUnit: 'd' } },
        doseAndRate: [
          { doseQuantity: { value: 1, system: 'http://unitsofmeasure.org', code: '{tbl}' } },
        ],
      },
    ],
  };
}

async function run(hook: Hook, active: MedicationRequest[], drafts: MedicationRequest[] = []) {
  const bundle = JSON.parse(readFileSync(CKD4, 'utf8')) as { entry: { resource: unknown }[] };
  bundle.entry.push(...active.map((resource) => ({ resource })));
  const outcome = await evaluateRecord(recordFromBundle(bundle, 'bundle'), {
    ruleSet,
    hook,
    now: NOW,
    draftOrders: drafts,
  });
  const card = (id: string) => outcome.response.cards.find((c) => c.source.topic?.code === id);
  return { outcome, card };
}

describe('a product identified by its RxNorm normalized name', () => {
  it('counts (nsaid-contraindicated fires) and the card says "identified by name"', async () => {
    const { card, outcome } = await run(
      'order-sign',
      [],
      [order('d1', 'draft', 'Ibuprofen 600 MG Oral Tablet')],
    );
    expect(card('nsaid-contraindicated')?.detail).toContain(
      'MedicationRequest/d1 (reported ibuprofen 600 mg, identified by name)',
    );
    const byName = outcome.issues.filter((i) => i.code === 'SOLEUS_FHIR_MEDICATION_BY_NAME');
    expect(byName.map((i) => i.audience)).toEqual(['operator']);
    expect(card('data-quality')).toBeUndefined();
  });
});

describe('a product that cannot be identified', () => {
  it('is only counted on patient-view when its name suggests nothing a rule reads', async () => {
    const { card, outcome } = await run('patient-view', [order('a1', 'active', 'Herbal tea')]);
    expect(card('data-quality')).toBeUndefined();
    expect(
      outcome.issues.filter((i) => i.code === 'SOLEUS_FHIR_UNMAPPED_MEDICATION'),
    ).toMatchObject([{ severity: 'information', audience: 'operator' }]);
  });

  it('is said once, as a draft order on order-sign, to be unchecked', async () => {
    const { card, outcome } = await run('order-sign', [], [order('d2', 'draft', 'Herbal tea')]);
    const unchecked = outcome.issues.filter((i) => i.code === 'SOLEUS_FHIR_UNMAPPED_MEDICATION');
    expect(unchecked).toHaveLength(1);
    expect(unchecked[0]).toMatchObject({
      severity: 'warning',
      location: { resource: 'MedicationRequest/d2' },
    });
    expect(unchecked[0]?.message).toMatch(/this draft order could not be checked$/);
    expect(card('data-quality')?.detail).toContain('MedicationRequest/d2');
    expect(card('nsaid-contraindicated')).toBeUndefined();
  });

  it('reaches the clinician when its name suggests an ingredient a rule reads', async () => {
    const { card, outcome } = await run('patient-view', [
      order('a2', 'active', 'naproxen 500mg tabs'),
    ]);
    const issue = outcome.issues.find((i) => i.code === 'SOLEUS_FHIR_UNMAPPED_MEDICATION');
    expect(issue).toMatchObject({ severity: 'warning' });
    expect(issue?.audience).toBeUndefined();
    expect(issue?.message).toMatch(/suggests naproxen/);
    expect(card('data-quality')?.detail).toContain('MedicationRequest/a2');
  });
});
