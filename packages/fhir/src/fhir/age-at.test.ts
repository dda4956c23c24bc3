import { ageAt } from './age-at';

const at = (iso: string): number => Date.parse(iso);

describe('ageAt', () => {
  it.each<[string | undefined, string, number | null]>([
    ['1970-06-15', '2025-06-14T23:59:59Z', 54],
    ['1970-06-15', '2025-06-15T00:00:00Z', 55],
    ['1970-06-15', '2025-12-31T00:00:00Z', 55],
    ['2000-02-29', '2025-02-28T12:00:00Z', 24],
    ['2000-02-29', '2025-03-01T00:00:00Z', 25],
    ['2000-02-29', '2024-02-29T00:00:00Z', 24],
    ['2025-06-14', '2025-06-14T00:00:00Z', 0],
    // Partial birth dates: known only when every possible birthday gives the same age.
    ['1970-05', '2025-07-01T00:00:00Z', 55],
    ['1970-05', '2025-05-31T00:00:00Z', 55],
    ['1970-05', '2025-05-30T23:59:59Z', null],
    ['1970-05', '2025-04-30T00:00:00Z', 54],
    ['1970', '2025-12-31T00:00:00Z', 55],
    ['1970', '2025-06-01T00:00:00Z', null],
    ['1970', '2025-01-01T00:00:00Z', null],
    // Unknown.
    [undefined, '2025-06-14T00:00:00Z', null],
    ['', '2025-06-14T00:00:00Z', null],
    ['not-a-date', '2025-06-14T00:00:00Z', null],
    ['1970-02-30', '2025-06-14T00:00:00Z', null],
    ['1970-06-15T10:00:00Z', '2025-06-14T00:00:00Z', null],
    ['2026-01-01', '2025-06-14T00:00:00Z', null],
  ])('born %p, at %s → %p', (birthDate, now, expected) => {
    expect(ageAt(birthDate, at(now))).toBe(expected);
  });

  it('is unknown when now is not a number', () => {
    expect(ageAt('1970-06-15', Number.NaN)).toBeNull();
  });
});
