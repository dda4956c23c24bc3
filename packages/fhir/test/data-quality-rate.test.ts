/**
 * Issue 15 acceptance on the 24 third-party records (Synthea, AHRQ, COSRI; fixtures/synthea) with the
 * shipped rule packs: a `data-quality` card on at most 50 of every 1,000 chart openings (patient-view),
 * evaluated at a fixed instant and at each record's last-data date (so stale windows do not make the
 * records trivially quiet), and every card of those runs, and of an order-sign run with an NSAID draft
 * that makes the analgesic rules read each record, free of engineering text (lintCardText). The rates
 * are written to test-output/data-quality/rates.json for the report.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, FhirResource, MedicationRequest } from 'fhir/r4';
import { DEFAULT_CONTENT, loadRuleSet, type RuleSet } from '@soleus/core';
import { lintCardText } from '../src/cards/lint-card-text';
import { validateCdsResponse } from '../src/cds-hooks/validate-cds-response';
import type { Hook } from '../src/evaluate/hooks';
import { evaluateRecord } from '../src/evaluate/evaluate-record';
import { recordFromBundle } from '../src/record/record-from-bundle';
import { lastDataDate } from './support/last-data-date';

const DIR = join(__dirname, 'fixtures', 'synthea');
const FIXED_NOW = '2026-11-22T09:00:00Z';
const GOAL_PER_1000 = 50;
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.json'));
// ibuprofen 600 MG Oral Tablet (RxCUI 197806, in the CDS Hooks sandbox RxNorm list), 1 tablet 3 times a day.
const DRAFTS = JSON.parse(
  readFileSync(
    join(__dirname, 'vignettes', 'nsaid-gastroprotection', 'age-64.drafts.bundle.json'),
    'utf8',
  ),
) as Bundle<MedicationRequest>;

interface Run {
  readonly openings: number;
  readonly dataQualityCards: number;
  readonly perThousand: number;
  readonly cards: Record<string, number>;
  /** Issues a clinician may read (by where they went) and issues only ever counted. */
  readonly issues: {
    readonly card: number;
    readonly dataQuality: number;
    readonly notShown: number;
    readonly countedOnly: number;
  };
  readonly lint: readonly string[];
}

let ruleSet: RuleSet;
const runs: Record<string, Run> = {};

async function run(hook: Hook, at: 'fixed' | 'last'): Promise<Run> {
  const cards: Record<string, number> = {};
  const issues = { card: 0, dataQuality: 0, notShown: 0, countedOnly: 0 };
  const lint: string[] = [];
  for (const file of FILES) {
    const bundle = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as Bundle<FhirResource>;
    const patient = bundle.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource;
    const drafts = (DRAFTS.entry ?? []).map((e) => ({
      ...(e.resource as MedicationRequest),
      subject: { reference: `Patient/${patient?.id ?? ''}` },
    }));
    const outcome = await evaluateRecord(recordFromBundle(bundle, 'bundle'), {
      ruleSet,
      hook,
      now: at === 'fixed' ? FIXED_NOW : lastDataDate(bundle),
      ...(hook === 'order-sign' ? { draftOrders: drafts } : {}),
    });
    expect(validateCdsResponse(outcome.response)).toEqual([]);
    for (const card of outcome.response.cards) {
      const id = card.source.topic?.code ?? '';
      cards[id] = (cards[id] ?? 0) + 1;
      lint.push(...lintCardText(card).map((f) => `${file} ${id}: ${f.pattern} "${f.found}"`));
    }
    for (const issue of outcome.issues) {
      const shownIn = issue.shownIn ?? [];
      const where = shownIn.includes('data-quality') ? 'dataQuality' : 'card';
      issues[
        issue.audience === 'operator' ? 'countedOnly' : shownIn.length === 0 ? 'notShown' : where
      ] += 1;
    }
  }
  const dataQualityCards = cards['data-quality'] ?? 0;
  const perThousand = Math.round((dataQualityCards / FILES.length) * 10_000) / 10;
  return { openings: FILES.length, dataQualityCards, perThousand, cards, issues, lint };
}

beforeAll(async () => {
  ruleSet = await loadRuleSet(DEFAULT_CONTENT);
  for (const hook of ['patient-view', 'order-sign'] as const) {
    for (const at of ['fixed', 'last'] as const) {
      runs[`${hook} at ${at === 'fixed' ? FIXED_NOW : 'each record’s last-data date'}`] = await run(
        hook,
        at,
      );
    }
  }
  mkdirSync(join(__dirname, '..', '..', '..', 'test-output', 'data-quality'), { recursive: true });
  writeFileSync(
    join(__dirname, '..', '..', '..', 'test-output', 'data-quality', 'rates.json'),
    `${JSON.stringify(runs, null, 2)}\n`,
  );
}, 120_000);

describe('data-quality cards on the 24 shared records', () => {
  it('uses all 24 records', () => {
    expect(FILES).toHaveLength(24);
  });

  it.each([
    [`patient-view at ${FIXED_NOW}`],
    ['patient-view at each record’s last-data date'],
    [`order-sign at ${FIXED_NOW}`],
    ['order-sign at each record’s last-data date'],
  ])(`%s: at most ${GOAL_PER_1000} data-quality cards per 1,000 calls`, (name) => {
    const result = runs[name];
    expect(result?.perThousand).toBeLessThanOrEqual(GOAL_PER_1000);
  });

  it('is quiet because issues are routed, not because none are raised', () => {
    // The records raise issues (results older than their window, medications outside every rule or
    // identified by name: only counted), and with the NSAID draft issues a clinician may read (a code
    // whose display names another drug); none of those could change a card, so none reached one.
    for (const result of Object.values(runs)) {
      expect(result.issues.countedOnly).toBeGreaterThan(0);
    }
    const orderSign = runs[`order-sign at ${FIXED_NOW}`]?.issues;
    expect(orderSign?.notShown).toBeGreaterThan(0);
  });

  it('order-sign with an NSAID draft fires clinical cards on every record, a data-quality card only where a check may have been missed', () => {
    for (const at of [FIXED_NOW, 'each record’s last-data date']) {
      const result = runs[`order-sign at ${at}`];
      const clinical = Object.entries(result?.cards ?? {}).filter(([id]) => id !== 'data-quality');
      expect(clinical.length).toBeGreaterThan(0);
      expect(result?.dataQualityCards).toBeLessThanOrEqual(result?.issues.dataQuality ?? 0);
    }
  });

  it('every card of every run reads as clinician text (no fact ids, resource ids, raw instants, UCUM syntax …)', () => {
    expect(Object.values(runs).flatMap((r) => r.lint)).toEqual([]);
  });
});
