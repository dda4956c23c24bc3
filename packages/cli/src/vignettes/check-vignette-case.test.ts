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

  describe('exact expectations', () => {
    const own = card('Low potassium', 'Potassium is low.');
    const other = {
      ...card('Wells so far', 'Complete the Wells assessment.'),
      source: { topic: { code: 'dvt-wells-incomplete' } },
    };

    it('fails a case when a card it does not list fires', () => {
      expect(
        checkVignetteCase('cramp-electrolyte', { fires: true, indicator: 'warning' }, [own, other]),
      ).toEqual([
        {
          what: 'exact',
          expected: 'only [cramp-electrolyte]',
          actual: 'also [dvt-wells-incomplete]; cards [cramp-electrolyte, dvt-wells-incomplete]',
        },
      ]);
    });

    it('passes when the other card is listed, and checks its indicator when one is given', () => {
      const listed = { fires: true, indicator: 'warning', alsoFires: ['dvt-wells-incomplete'] };
      expect(checkVignetteCase('cramp-electrolyte', listed, [own, other])).toEqual([]);
      const wrongIndicator = {
        fires: true,
        indicator: 'warning',
        alsoFires: [{ card: 'dvt-wells-incomplete', indicator: 'critical' }],
      };
      expect(checkVignetteCase('cramp-electrolyte', wrongIndicator, [own, other])).toEqual([
        {
          what: 'alsoFires',
          expected: 'dvt-wells-incomplete with indicator critical',
          actual: 'dvt-wells-incomplete with indicator warning',
        },
      ]);
    });

    it('lets a case opt out with exact: false, and a silent case expects no card at all', () => {
      expect(
        checkVignetteCase('cramp-electrolyte', { fires: false, exact: false }, [other]),
      ).toEqual([]);
      expect(checkVignetteCase('cramp-electrolyte', { fires: false }, [other])).toEqual([
        {
          what: 'exact',
          expected: 'only []',
          actual: 'also [dvt-wells-incomplete]; cards [dvt-wells-incomplete]',
        },
      ]);
    });
  });
});
