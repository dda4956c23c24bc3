import type { Quantity } from 'fhir/r4';
import { classifyDoseUnit } from './dose-unit';
import { ratioToStrength } from './medication-to-product';
import { periodToDays } from './period-days';

describe('classifyDoseUnit', () => {
  it.each<[string, { given: Quantity; want: ReturnType<typeof classifyDoseUnit> }]>([
    ['UCUM {tbl}', { given: { value: 1, code: '{tbl}' }, want: { kind: 'count' } }],
    ['HL7 TAB in unit only', { given: { value: 1, unit: 'TAB' }, want: { kind: 'count' } }],
    ['word capsules', { given: { value: 1, unit: 'Capsules' }, want: { kind: 'count' } }],
    ['UCUM 1', { given: { value: 1, code: '1' }, want: { kind: 'count' } }],
    ['mg', { given: { value: 1, code: 'mg' }, want: { kind: 'mass', toMg: 1 } }],
    ['g', { given: { value: 1, code: 'g' }, want: { kind: 'mass', toMg: 1000 } }],
    ['mcg text', { given: { value: 1, unit: 'mcg' }, want: { kind: 'mass', toMg: 0.001 } }],
    ['mL', { given: { value: 1, code: 'mL' }, want: { kind: 'volume', toMl: 1 } }],
    [
      'unknown code falls back to a known unit text',
      { given: { value: 1, code: 'xyz', unit: 'mg' }, want: { kind: 'mass', toMg: 1 } },
    ],
    // UCUM: an annotation alone is the unit 1, so every {…} code counts dose units (CDS Hooks sandbox: {pill}).
    ['UCUM annotation {pill}', { given: { value: 2, code: '{pill}' }, want: { kind: 'count' } }],
    ['UCUM annotation {puff}', { given: { value: 1, code: '{puff}' }, want: { kind: 'count' } }],
    [
      'UCUM annotation {Capsule}',
      { given: { value: 1, code: '{Capsule}' }, want: { kind: 'count' } },
    ],
    [
      'an annotation code decides over the display text',
      { given: { value: 1, code: '{dose}', unit: 'mg' }, want: { kind: 'count' } },
    ],
    ['empty braces are not an annotation', { given: { value: 1, code: '{}' }, want: undefined }],
    ['no unit', { given: { value: 1 }, want: undefined }],
    ['blank code and unit', { given: { value: 1, code: ' ', unit: '' }, want: undefined }],
  ])('%s', (_name, { given, want }) => {
    expect(classifyDoseUnit(given)).toEqual(want);
  });
});

describe('periodToDays', () => {
  it.each<[string, number, string, number | undefined]>([
    ['hours', 6, 'h', 0.25],
    ['days', 2, 'd', 2],
    ['weeks', 1, 'wk', 7],
    ['months (30 d)', 1, 'mo', 30],
    ['years (365 d)', 1, 'a', 365],
    ['minutes', 720, 'min', 0.5],
    ['word "hours"', 24, 'hours', 1],
    ['word "Day"', 1, 'Day', 1],
    ['unknown unit', 1, 'fortnight', undefined],
    ['zero period', 0, 'h', undefined],
    ['negative period', -1, 'd', undefined],
  ])('%s: %d %s', (_name, value, unit, want) => {
    expect(periodToDays(value, unit)).toBe(want);
  });
});

describe('ratioToStrength', () => {
  const mg = (value: number): Quantity => ({ value, code: 'mg' });
  it.each<
    [
      string,
      { given: Parameters<typeof ratioToStrength>[0]; want: ReturnType<typeof ratioToStrength> },
    ]
  >([
    [
      'mg per tablet',
      {
        given: { numerator: mg(325), denominator: { value: 1, code: '{tbl}' } },
        want: { value: 325, unit: 'mg' },
      },
    ],
    [
      'mg per 5 mL',
      {
        given: { numerator: mg(160), denominator: { value: 5, code: 'mL' } },
        want: { value: 32, unit: 'mg/mL' },
      },
    ],
    [
      'g per L',
      {
        given: { numerator: { value: 1, code: 'g' }, denominator: { value: 1, code: 'L' } },
        want: { value: 1, unit: 'mg/mL' },
      },
    ],
    ['no denominator', { given: { numerator: mg(5) }, want: { value: 5, unit: 'mg' } }],
    [
      'mass per mass',
      { given: { numerator: mg(10), denominator: { value: 1, code: 'g' } }, want: undefined },
    ],
    [
      'numerator not a mass',
      {
        given: { numerator: { value: 1, code: '{tbl}' }, denominator: { value: 1, code: 'mL' } },
        want: undefined,
      },
    ],
    [
      'zero denominator',
      { given: { numerator: mg(5), denominator: { value: 0, code: 'mL' } }, want: undefined },
    ],
    [
      'no numerator value',
      {
        given: { numerator: { code: 'mg' }, denominator: { value: 1, code: 'mL' } },
        want: undefined,
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(ratioToStrength(given)).toEqual(want);
  });
});
