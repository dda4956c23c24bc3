/**
 * The DVT cards that need the Wells assessment link to the Wells SMART app and to the Questionnaire
 * the service serves, through the shipped rules and the real pipeline; both links are left off when
 * the service has no public base URL (they would not resolve). Every response validates.
 */
import type { FhirResource } from 'fhir/r4';
import { DEFAULT_CONTENT, loadRuleSetSync } from '@soleus/core';
import { validateCdsResponse } from '../src/cds-hooks/validate-cds-response';
import type { CdsCard } from '../src/cds-hooks/types';
import { evaluateRecord } from '../src/evaluate/evaluate-record';
import { ALL_ABSENT, calfPain, condition, ICD, NOW, wells } from './support/dvt-record';

const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
const BASE = 'https://cds.example.org/soleus';

async function cardsFor(
  resources: FhirResource[],
  serviceBaseUrl?: string,
): Promise<readonly CdsCard[]> {
  const patient = { resourceType: 'Patient', id: 'p1', birthDate: '1970-06-01' } as FhirResource;
  const outcome = await evaluateRecord(
    { entries: [patient, ...resources].map((resource) => ({ resource })), issues: [] },
    {
      ruleSet,
      hook: 'patient-view',
      now: NOW,
      context: { patientId: 'p1', encounterId: 'e1', userId: 'Practitioner/dr' },
      ...(serviceBaseUrl ? { serviceBaseUrl } : {}),
    },
  );
  expect(validateCdsResponse(outcome.response)).toEqual([]);
  return outcome.response.cards;
}

const byId = (cards: readonly CdsCard[], id: string): CdsCard | undefined =>
  cards.find((c) => c.source.topic?.code === id);

describe('Wells app links on the DVT cards', () => {
  it('dvt-wells-incomplete links the app (smart, appContext naming the episode) and the served Questionnaire', async () => {
    const card = byId(await cardsFor([calfPain()], BASE), 'dvt-wells-incomplete');
    expect(card?.links).toEqual([
      {
        label: 'Record the Wells DVT assessment (Soleus app)',
        url: `${BASE}/apps/wells/launch`,
        type: 'smart',
        appContext: JSON.stringify({
          card: 'dvt-wells-incomplete',
          patientId: 'p1',
          encounterId: 'e1',
          episodeStart: '2026-11-20T00:00:00.000Z',
        }),
      },
      {
        label: 'Wells DVT Questionnaire (FHIR resource for your forms engine)',
        url: `${BASE}/fhir/Questionnaire/wells-dvt`,
        type: 'absolute',
      },
    ]);
  });

  it('dvt-likely-imaging carries the same smart link', async () => {
    const record = [
      calfPain(),
      wells({ ...ALL_ABSENT, tenderness: true, pittingOedema: true }),
      condition('cancer', ICD, 'C50.911', '2026-03-01'),
    ];
    const card = byId(await cardsFor(record, `${BASE}/`), 'dvt-likely-imaging');
    expect(card?.links?.map((l) => [l.type, l.url])).toEqual([
      ['smart', `${BASE}/apps/wells/launch`],
      ['absolute', `${BASE}/fhir/Questionnaire/wells-dvt`],
    ]);
  });

  it('without a public base URL the card has no links that could not resolve', async () => {
    const card = byId(await cardsFor([calfPain()]), 'dvt-wells-incomplete');
    expect(card).toBeDefined();
    expect(card).not.toHaveProperty('links');
  });
});
