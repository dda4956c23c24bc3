import { keepValidResponse } from './keep-valid-response';
import type { CdsCard, CdsResponse } from './types';
import { validateCdsResponse } from './validate-cds-response';

const card = (code: string, extra: Partial<CdsCard> = {}): CdsCard => ({
  uuid: `uuid-${code}`,
  summary: `Card ${code}`,
  indicator: 'warning',
  source: { label: 'Soleus', topic: { system: 'https://soleus.dev/fhir/CodeSystem/card', code } },
  ...extra,
});
const deleteSuggestion = (resourceId: string) => ({
  uuid: `s-${resourceId}`,
  label: 'Withdraw the draft',
  actions: [{ type: 'delete' as const, description: 'Withdraw', resourceId }],
});

describe('keepValidResponse', () => {
  it('returns a valid response itself and drops nothing', () => {
    const response: CdsResponse = { cards: [card('a'), card('b')] };
    const checked = keepValidResponse(response);
    expect(checked.response).toBe(response);
    expect(checked.dropped).toEqual([]);
  });

  it('drops only the card that breaks a rule and sends the critical one', () => {
    const critical = card('critical', { indicator: 'critical' });
    const response = {
      cards: [critical, card('broken', { summary: '' }), card('c')],
    } as unknown as CdsResponse;
    const checked = keepValidResponse(response);
    expect(checked.response.cards.map((c) => c.source.topic?.code)).toEqual(['critical', 'c']);
    expect(validateCdsResponse(checked.response)).toEqual([]);
    expect(checked.dropped.map((i) => i.location?.pointer)).toEqual(['/cards/1/summary']);
  });

  it('drops a broken suggestion and keeps the card with its other suggestions', () => {
    const good = deleteSuggestion('MedicationRequest/d1');
    const response = {
      cards: [
        card('a', {
          selectionBehavior: 'at-most-one',
          suggestions: [deleteSuggestion('MedicationRequest/(no id)'), good],
        }),
      ],
    } as unknown as CdsResponse;
    const checked = keepValidResponse(response);
    expect(checked.response.cards[0]?.suggestions).toEqual([good]);
    expect(checked.dropped[0]?.location?.pointer).toMatch(/^\/cards\/0\/suggestions\/0\//);
  });

  it('removes selectionBehavior with the last suggestion, so the card still validates', () => {
    const response = {
      cards: [
        card('a', {
          selectionBehavior: 'at-most-one',
          suggestions: [deleteSuggestion('MedicationRequest/(no id)')],
        }),
      ],
    } as unknown as CdsResponse;
    const checked = keepValidResponse(response);
    expect(checked.response.cards).toEqual([card('a')]);
    expect(validateCdsResponse(checked.response)).toEqual([]);
  });

  it('drops a broken extension but keeps the cards', () => {
    const response = { cards: [card('a')], extension: {} } as unknown as CdsResponse;
    const checked = keepValidResponse(response);
    expect(checked.response).toEqual({ cards: [card('a')] });
  });

  it('answers with no cards when the envelope itself is wrong', () => {
    const response = { cards: 'none' } as unknown as CdsResponse;
    expect(keepValidResponse(response).response).toEqual({ cards: [] });
  });
});
