import { parseIsoDuration } from './iso-duration';
import { subtractDuration } from './subtract-duration';

describe('subtractDuration (calendar arithmetic in UTC)', () => {
  it.each([
    ['2024-03-31T12:00:00Z', 'P1M', '2024-02-29T12:00:00.000Z'],
    ['2023-03-31T12:00:00Z', 'P1M', '2023-02-28T12:00:00.000Z'],
    ['2024-03-15T00:00:00Z', 'P12M', '2023-03-15T00:00:00.000Z'],
    ['2024-02-29T08:00:00Z', 'P1Y', '2023-02-28T08:00:00.000Z'],
    ['2024-01-15T00:00:00Z', 'P2M', '2023-11-15T00:00:00.000Z'],
    ['2024-03-10T12:00:00Z', 'P14D', '2024-02-25T12:00:00.000Z'],
    ['2024-03-10T02:00:00Z', 'PT4H', '2024-03-09T22:00:00.000Z'],
    ['2024-03-10T00:00:00Z', 'P1W', '2024-03-03T00:00:00.000Z'],
    ['2024-03-31T12:00:00Z', 'P1M1D', '2024-02-28T12:00:00.000Z'],
    ['2024-03-01T00:00:30Z', 'PT1M', '2024-02-29T23:59:30.000Z'],
  ])('%s − %s = %s', (from, duration, want) => {
    const parsed = parseIsoDuration(duration);
    expect(parsed).not.toBeNull();
    expect(new Date(subtractDuration(Date.parse(from), parsed!)).toISOString()).toBe(want);
  });
});
