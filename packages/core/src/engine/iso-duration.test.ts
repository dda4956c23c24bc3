import { parseIsoDuration } from './iso-duration';

const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('parseIsoDuration', () => {
  it.each([
    ['P14D', { ...zero, days: 14 }],
    ['PT4H', { ...zero, hours: 4 }],
    ['P12M', { ...zero, months: 12 }],
    ['P2W', { ...zero, weeks: 2 }],
    [
      'P1Y2M3DT4H5M6S',
      { years: 1, months: 2, weeks: 0, days: 3, hours: 4, minutes: 5, seconds: 6 },
    ],
    ['PT30M', { ...zero, minutes: 30 }],
    ['P0D', zero],
    ['PT0.5S', { ...zero, seconds: 0.5 }],
  ])('parses %s', (given, want) => {
    expect(parseIsoDuration(given)).toEqual(want);
  });

  it.each([
    ['P'],
    ['PT'],
    ['P1DT'],
    ['14D'],
    ['P1.5D'],
    ['P-1D'],
    ['p14d'],
    ['P1H'],
    [''],
    [14],
    [null],
  ])('rejects %p', (given) => {
    expect(parseIsoDuration(given)).toBeNull();
  });
});
