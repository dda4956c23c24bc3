import { calendarDate, humanDate, humanDateText, timeAgo } from './human-date';

const NOW = Date.parse('2025-06-15T09:00:00Z');

describe('human dates', () => {
  it('reads "10 Jun 2025, 5 days ago" (the issue’s example)', () => {
    expect(humanDate(Date.parse('2025-06-10T00:00:00.000Z'), NOW)).toBe('10 Jun 2025, 5 days ago');
  });

  it.each([
    ['2025-06-15T00:30:00Z', 'today'],
    ['2025-06-14T23:59:00Z', 'yesterday'],
    ['2025-04-17T00:00:00Z', '59 days ago'],
    ['2025-04-15T00:00:00Z', '2 months ago'],
    ['2025-05-15T09:00:00Z', '31 days ago'],
    ['2024-06-16T00:00:00Z', '11 months ago'],
    ['2023-06-16T00:00:00Z', '23 months ago'],
    ['2023-06-15T00:00:00Z', '2 years ago'],
    ['2025-06-16T00:00:00Z', 'tomorrow'],
    ['2025-06-20T00:00:00Z', 'in 5 days'],
  ])('%s → %s', (at, want) => {
    expect(timeAgo(Date.parse(at), NOW)).toBe(want);
  });

  it('counts calendar days in UTC, whatever the time of day', () => {
    expect(timeAgo(Date.parse('2025-06-14T00:00:01Z'), Date.parse('2025-06-15T23:59:00Z'))).toBe(
      'yesterday',
    );
    expect(calendarDate(Date.parse('2025-06-14T23:30:00-05:00'))).toBe('15 Jun 2025');
  });

  it('leaves text that is not a date alone', () => {
    expect(humanDateText('not a date', NOW)).toBe('not a date');
    expect(humanDateText('2025-06-13', NOW)).toBe('13 Jun 2025, 2 days ago');
  });
});
