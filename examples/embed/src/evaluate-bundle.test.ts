import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSoleusError } from '@soleus/core';
import { validateCdsResponse } from '@soleus/fhir';
import { evaluateBundle } from './evaluate-bundle';

const SYNTHEA = join(
  __dirname,
  '..',
  '..',
  '..',
  'packages',
  'fhir',
  'test',
  'fixtures',
  'synthea',
);
const NOW = '2026-01-15T10:00:00Z';

describe('examples/embed evaluateBundle', () => {
  it.each([
    'synthea-r4_Buster_Hoeger_ad2e3fc5-2b5d-4cb9-8d03-9ea0f4ac8423.json',
    'ahrq-pain-r4_brenda_jackson.json',
  ])('REQ 74: %s → a valid CDS response whose cards name fired rules', async (file) => {
    const bundle = JSON.parse(readFileSync(join(SYNTHEA, file), 'utf8')) as unknown;
    const result = await evaluateBundle(bundle, 'patient-view', NOW);
    expect(validateCdsResponse(result.response)).toEqual([]);
    const topics = result.response.cards.map((c) => c.source.topic?.code);
    expect(topics.every((t) => t !== undefined && result.firedRuleIds.includes(t))).toBe(true);
  });

  it('a non-Bundle throws SOLEUS_FHIR_NOT_A_BUNDLE', async () => {
    const caught = await evaluateBundle({ resourceType: 'Patient' }, 'patient-view', NOW).catch(
      (err: unknown) => err,
    );
    expect(isSoleusError(caught) && caught.code).toBe('SOLEUS_FHIR_NOT_A_BUNDLE');
  });
});
