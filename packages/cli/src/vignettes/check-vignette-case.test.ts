import { checkVignetteCase } from './check-vignette-case';
import type { VignetteCard } from './run-vignette-case';

const card = (summary: string, detail: string): VignetteCard => ({
  summary,
  detail,
  indicator: 'warning',
  source: { topic: { code: 'cramp-electrolyte' } },
});

describe('checkVignetteCase', () => {
  it('passes a card that meets its expectations and reads as clinician text', () => {
    const clean = card(
      'Low potassium',
      '**Based on**\n- Potassium: 3.4 mmol/L (20 Nov 2026, 2 days ago)',
    );
    expect(checkVignetteCase('cramp-electrolyte', { fires: true }, [clean])).toEqual([]);
  });

  it('fails a case whose card carries engineering text, naming the pattern, the card and the text', () => {
    const leaky = card('Low potassium', '- `cramp.potassium` = 3.4 from Observation/k-1');
    expect(checkVignetteCase('cramp-electrolyte', { fires: true }, [leaky])).toEqual(
      expect.arrayContaining([
        {
          what: 'cardText',
          expected: 'no fact id in the detail of cramp-electrolyte',
          actual: '"cramp.potassium"',
        },
        {
          what: 'cardText',
          expected: 'no resource id in the detail of cramp-electrolyte',
          actual: '"Observation/k-1"',
        },
      ]),
    );
  });
});
