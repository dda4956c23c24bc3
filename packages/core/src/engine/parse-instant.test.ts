import { parseInstant } from './parse-instant';

describe('parseInstant', () => {
  it.each([
    ['2024-03-01', Date.UTC(2024, 2, 1)],
    ['2024-03', Date.UTC(2024, 2, 1)],
    ['2024', Date.UTC(2024, 0, 1)],
    ['2024-03-01T09:00:00Z', Date.UTC(2024, 2, 1, 9)],
    ['2024-03-01T09:00:00.250Z', Date.UTC(2024, 2, 1, 9, 0, 0, 250)],
    ['2024-03-01T09:00:00+13:00', Date.UTC(2024, 1, 29, 20)],
    ['2024-03-01T09:00-05:00', Date.UTC(2024, 2, 1, 14)],
    [new Date(Date.UTC(2024, 2, 1)), Date.UTC(2024, 2, 1)],
  ])('reads %p', (given, want) => {
    expect(parseInstant(given)).toBe(want);
  });

  it.each<[unknown, string]>([
    ['2024-03-01T09:00:00', 'a time without a zone would be read in the local zone'],
    ['2024-13-01', 'month 13'],
    ['01/03/2024', 'not ISO 8601'],
    ['', 'empty'],
    [1709283600000, 'a number'],
    [new Date(Number.NaN), 'an invalid Date'],
    [null, 'null'],
  ])('rejects %p (%s)', (given) => {
    expect(parseInstant(given)).toBeNull();
  });
});
