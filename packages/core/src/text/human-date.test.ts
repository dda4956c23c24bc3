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
    // under 183 days (the rules' longest look-back) a distance is in days: never "1 month ago" for 60
    ['2025-04-16T00:00:00Z', '60 days ago'],
    ['2025-04-15T00:00:00Z', '61 days ago'],
    ['2025-03-17T00:00:00Z', '90 days ago'],
    ['2024-12-15T00:00:00Z', '182 days ago'],
    // 183 days is six months even when the calendar months between are short (14 Dec → 15 Jun)
    ['2024-12-14T00:00:00Z', '6 months ago'],
    ['2024-12-01T00:00:00Z', '6 months ago'],
    ['2024-11-15T00:00:00Z', '7 months ago'],
    ['2025-05-15T09:00:00Z', '31 days ago'],
    ['2024-06-16T00:00:00Z', '11 months ago'],
    ['2023-06-16T00:00:00Z', '23 months ago'],
    ['2023-06-15T00:00:00Z', '2 years ago'],
    ['2025-06-16T00:00:00Z', 'tomorrow'],
    ['2025-06-20T00:00:00Z', 'in 5 days'],
  ])('%s → %s', (at, want) => {
    expect(timeAgo(Date.parse(at), NOW)).toBe(want);
  });

  it('never says fewer than 6 months at 183 days, across short months', () => {
    // 1 Jul → 31 Dec is 183 days but only 5 whole calendar months
    expect(timeAgo(Date.parse('2025-07-01T00:00:00Z'), Date.parse('2025-12-31T09:00:00Z'))).toBe(
      '6 months ago',
    );
    expect(timeAgo(Date.parse('2025-07-02T00:00:00Z'), Date.parse('2025-12-31T09:00:00Z'))).toBe(
      '182 days ago',
    );
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
