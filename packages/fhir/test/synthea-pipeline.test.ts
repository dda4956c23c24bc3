/**
 * Real third-party FHIR (Synthea and two pain-management test patients) goes through facts → engine →
 * cards without throwing, every response validates, and the data-quality issues each record raises are
 * counted and asserted. A small test pack (fixtures/adapter-pack) exercises every fact-source kind so
 * these numbers do not move when the clinical packs change.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTENT, loadRuleSet, type RuleSet } from '@soleus/core';
import { validateCdsResponse } from '../src/cds-hooks/validate-cds-response';
import { evaluateRecord } from '../src/evaluate/evaluate-record';
import { recordFromBundle } from '../src/record/record-from-bundle';

const fixtures = join(__dirname, 'fixtures');
const NOW = '2026-11-22T09:00:00Z';
let ruleSet: RuleSet;

beforeAll(async () => {
  ruleSet = await loadRuleSet({
    rulesDir: join(fixtures, 'adapter-pack', 'rules'),
    factsDir: join(fixtures, 'adapter-pack', 'facts'),
    valueSetsDir: DEFAULT_CONTENT.valueSetsDir,
  });
});

// [file, [unidentified products for the clinician (name suggests an ingredient a rule reads),
//  unidentified products only counted (e.g. a brand pack named by its synonym); the Humulin mix is out of scope by name, products identified by name],
//  uninterpretable values, age, lowest eGFR ever (rounded)]
const cases = [
  ['ahrq-pain-r4_brenda_jackson.json', [0, 0, 11], 2, 65, null],
  ['cosri-pain-r4_padme_amidfla.json', [0, 0, 11], 2, 81, null],
  ['synthea-r4_Buster_Hoeger_ad2e3fc5-2b5d-4cb9-8d03-9ea0f4ac8423.json', [0, 0, 0], 0, 38, null],
  ['synthea-r4_Isaiah_Schaden_b6b36717-6ad2-433d-bf5c-6c77bc2fcd96.json', [0, 0, 0], 1, 73, 32],
  ['synthea-r4_Laticia_Dibbert_b23f172c-8c92-4757-87a8-7f64c13639d3.json', [0, 0, 1], 1, 78, 18],
  ['synthea-r4_Liz_Conn_27c911c6-f045-4ffa-af5d-6eba57ac94b2.json', [0, 0, 0], 0, 39, 71],
  ['synthea-r4_Luigi_Wiegand_e27d88b0-c5e5-4042-ad49-184f6a900ee3.json', [0, 0, 0], 0, 6, null],
] as const;

describe.each(cases)('%s', (file, medications, uninterpretable, age, egfr) => {
  const load = () =>
    recordFromBundle(JSON.parse(readFileSync(join(fixtures, 'synthea', file), 'utf8')), 'bundle');

  it.each(['patient-view', 'order-sign'] as const)(
    'evaluates on %s and the response validates',
    async (hook) => {
      const outcome = await evaluateRecord(load(), { ruleSet, hook, now: NOW });
      expect(validateCdsResponse(outcome.response)).toEqual([]);
      const ids = outcome.response.cards.map((c) => c.source.topic?.code);
      expect(ids).toContain('adapter-probe');
      // An issue reaches the data-quality card only when it could have changed a card that did not fire.
      const onDataQualityCard = outcome.issues.filter((i) => i.shownIn?.includes('data-quality'));
      expect(ids.includes('data-quality')).toBe(onDataQualityCard.length > 0);
      for (const issue of outcome.issues.filter((i) => i.audience === 'operator')) {
        expect(issue.shownIn).toEqual([]);
      }
    },
  );

  it(`raises ${medications.join('/')} medication and ${uninterpretable} uninterpretable issue(s), each located`, async () => {
    const { issues, facts } = await evaluateRecord(load(), {
      ruleSet,
      hook: 'patient-view',
      now: NOW,
    });
    const count = (code: string, audience?: string) =>
      issues.filter((i) => i.code === code && (audience === undefined || i.audience === audience))
        .length;
    const forClinician = issues.filter((i) => i.audience !== 'operator');
    expect([
      [
        forClinician.filter((i) => i.code === 'SOLEUS_FHIR_UNMAPPED_MEDICATION').length,
        count('SOLEUS_FHIR_UNMAPPED_MEDICATION', 'operator'),
        count('SOLEUS_FHIR_MEDICATION_BY_NAME', 'operator'),
      ],
      count('SOLEUS_FHIR_UNINTERPRETABLE'),
    ]).toEqual([medications, uninterpretable]);
    const onDataQualityCard = issues.filter((i) => i.shownIn?.includes('data-quality'));
    expect(facts.get('dataQuality.issueCount')?.value).toBe(onDataQualityCard.length);
    expect(forClinician.every((i) => i.shownIn !== undefined)).toBe(true);
    for (const issue of issues.filter((i) => i.code === 'SOLEUS_FHIR_UNMAPPED_MEDICATION')) {
      expect(issue.location?.resource).toMatch(/^MedicationRequest\//);
    }
  });

  it('computes demographics and labs from the record (unit decides, converted to the catalogue unit)', async () => {
    const { facts } = await evaluateRecord(load(), { ruleSet, hook: 'patient-view', now: NOW });
    expect(facts.get('patient.ageYears')?.value).toBe(age);
    const low = facts.get('lab.egfrEver')?.value;
    expect(typeof low === 'number' ? Math.round(low) : low).toBe(egfr);
  });
});

it('messages never carry names or identifiers of the patient', async () => {
  const bundle = JSON.parse(readFileSync(join(fixtures, 'synthea', cases[3][0]), 'utf8')) as {
    entry: { resource: { resourceType: string; name?: { family?: string; given?: string[] }[] } }[];
  };
  const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient')?.resource;
  const family = patient?.name?.[0]?.family ?? 'no-family-name';
  const { issues } = await evaluateRecord(recordFromBundle(bundle, 'bundle'), {
    ruleSet,
    hook: 'patient-view',
    now: NOW,
  });
  expect(JSON.stringify(issues)).not.toContain(family);
});

it('finds heart failure coded with a SNOMED descendant (88805009) that the value set lists explicitly', async () => {
  const bundle = JSON.parse(
    readFileSync(join(fixtures, 'synthea', cases[4][0]), 'utf8'),
  ) as unknown;
  const { facts } = await evaluateRecord(recordFromBundle(bundle, 'bundle'), {
    ruleSet,
    hook: 'patient-view',
    now: NOW,
  });
  expect(facts.get('condition.heartFailure')?.value).toBe(true);
});
