import { aggregateCandidates, type Candidate } from './aggregate';

const day = (d: string): number => Date.parse(`${d}T00:00:00Z`);
const c = (resource: string, at?: string, value?: number): Candidate => ({
  resource,
  ...(at ? { atMs: day(at) } : {}),
  ...(value === undefined ? {} : { value }),
});

describe('aggregateCandidates', () => {
  const three = [
    c('Observation/a', '2026-11-01', 3.4),
    c('Observation/b', '2026-11-20', 3.6),
    c('Observation/c', '2026-11-10', 3.1),
  ];

  it.each([
    ['exists over nothing is false (not documented), never unknown', 'exists', [], false],
    ['exists over something is true', 'exists', three, true],
    ['count', 'count', three, 3],
    ['ids keep input order', 'ids', three, ['Observation/a', 'Observation/b', 'Observation/c']],
    ['latest takes the most recent instant', 'latest', three, 3.6],
    ['min', 'min', three, 3.1],
    ['max', 'max', three, 3.6],
    ['latest over nothing is unknown (no measurement is never negative)', 'latest', [], null],
    ['earliestAt', 'earliestAt', three, '2026-11-01T00:00:00.000Z'],
    ['latestAt', 'latestAt', three, '2026-11-20T00:00:00.000Z'],
    ['latestAt over undated resources is unknown', 'latestAt', [c('Condition/x')], null],
  ] as const)('%s', (_name, aggregate, candidates, want) => {
    expect(aggregateCandidates(aggregate, candidates, [], 'mmol/L').value).toEqual(want);
  });

  it('keeps the unit, the instant and the winning resource as evidence', () => {
    const fact = aggregateCandidates('latest', three, [], 'mmol/L');
    expect(fact).toMatchObject({
      unit: 'mmol/L',
      at: '2026-11-20T00:00:00.000Z',
      evidence: [{ resource: 'Observation/b' }],
    });
  });

  it('ties on the instant keep the first in input order, so results are deterministic', () => {
    const tied = [c('Observation/x', '2026-11-01', 1), c('Observation/y', '2026-11-01', 2)];
    expect(aggregateCandidates('latest', tied, []).value).toBe(1);
  });

  it('carries ignored evidence with its reason', () => {
    const fact = aggregateCandidates(
      'exists',
      [],
      [{ resource: 'Condition/z', note: 'entered-in-error' }],
    );
    expect(fact.ignored).toEqual([{ resource: 'Condition/z', note: 'entered-in-error' }]);
  });
});
