import type { Procedure } from 'fhir/r4';
import { calfPain, evaluateFacts } from '../../test/support/dvt-record';

// dvt.recentSurgery4w: a completed Procedure under general or neuraxial anaesthesia (value set
// general-or-neuraxial-anaesthesia, SNOMED 50697003 "General anesthesia") within P28D of now
// (2026-11-22T09:00:00Z, so the window starts 2026-10-25T09:00:00Z).
const surgery = (id: string, extra: Partial<Procedure>): Procedure => ({
  resourceType: 'Procedure',
  id,
  status: 'completed',
  code: { coding: [{ system: 'http://snomed.info/sct', code: '50697003' }] },
  subject: { reference: 'Patient/p1' },
  ...extra,
});
const run = (...procedures: Procedure[]) =>
  evaluateFacts([calfPain(), ...procedures], undefined, ['dvt.recentSurgery4w']).fact(
    'dvt.recentSurgery4w',
  );

describe('procedure facts: status and window', () => {
  it('a completed procedure 10 days ago counts, dated by performedDateTime', () => {
    const fact = run(surgery('s1', { performedDateTime: '2026-11-12T08:00:00Z' }));
    expect(fact?.value).toBe(true);
    expect(fact?.evidence).toEqual([
      expect.objectContaining({ resource: 'Procedure/s1', at: '2026-11-12T08:00:00.000Z' }),
    ]);
  });

  it('performedPeriod: the end dates it (started before the window, ended inside it)', () => {
    const fact = run(
      surgery('s1', {
        performedPeriod: { start: '2026-10-01T08:00:00Z', end: '2026-11-01T08:00:00Z' },
      }),
    );
    expect(fact?.value).toBe(true);
  });

  it.each<[string, Partial<Procedure>, string]>([
    [
      'in progress',
      { status: 'in-progress', performedDateTime: '2026-11-12' },
      'status in-progress',
    ],
    [
      'entered in error',
      { status: 'entered-in-error', performedDateTime: '2026-11-12' },
      'status entered-in-error',
    ],
    ['not done', { status: 'not-done', performedDateTime: '2026-11-12' }, 'status not-done'],
    ['no status', { status: undefined, performedDateTime: '2026-11-12' }, 'status missing'],
    [
      'performed 29 days ago (outside P28D)',
      { performedDateTime: '2026-10-24T08:00:00Z' },
      'outside the P28D window',
    ],
    [
      'performed after now',
      { performedDateTime: '2026-11-23T08:00:00Z' },
      'outside the P28D window',
    ],
    ['dated to the month only', { performedDateTime: '2026-11' }, 'performed date unknown'],
    ['not dated at all', {}, 'performed date unknown'],
    [
      'a period that ended before the window',
      { performedPeriod: { start: '2026-09-01', end: '2026-10-20' } },
      'outside the P28D window',
    ],
  ])('%s: not counted, listed with the reason', (_desc, extra, reason) => {
    const fact = run(surgery('s1', extra));
    expect(fact?.value).toBe(false);
    expect(fact?.ignored).toEqual([
      { resource: 'Procedure/s1', note: expect.stringContaining(reason) },
    ]);
  });

  it('one excluded and one counting procedure: the counting one decides', () => {
    const fact = run(
      surgery('s1', { status: 'entered-in-error', performedDateTime: '2026-11-12' }),
      surgery('s2', { performedDateTime: '2026-11-20T08:00:00Z' }),
    );
    expect(fact?.value).toBe(true);
    expect(fact?.evidence).toEqual([expect.objectContaining({ resource: 'Procedure/s2' })]);
  });
});
