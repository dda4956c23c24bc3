import type { Observation } from 'fhir/r4';
import { observationEffectiveTime, observationTimeSource } from './observation-effective-time';

const base: Observation = { resourceType: 'Observation', id: 'o1', status: 'final', code: {} };

describe('observationEffectiveTime', () => {
  it.each<[string, Partial<Observation>, string | undefined, string | undefined]>([
    [
      'effectiveDateTime first',
      {
        effectiveDateTime: '2025-06-01',
        effectivePeriod: { end: '2025-06-02' },
        effectiveInstant: '2025-06-03T00:00:00Z',
        issued: '2025-06-04T00:00:00Z',
      },
      '2025-06-01',
      'effectiveDateTime',
    ],
    [
      'then effectivePeriod.end',
      {
        effectivePeriod: { start: '2025-05-30', end: '2025-06-02' },
        issued: '2025-06-04T00:00:00Z',
      },
      '2025-06-02',
      'effectivePeriod.end',
    ],
    [
      'period without end falls through to instant',
      { effectivePeriod: { start: '2025-05-30' }, effectiveInstant: '2025-06-03T00:00:00Z' },
      '2025-06-03T00:00:00Z',
      'effectiveInstant',
    ],
    ['then issued', { issued: '2025-06-04T00:00:00Z' }, '2025-06-04T00:00:00Z', 'issued'],
    [
      'a broken effectiveDateTime still wins',
      { effectiveDateTime: 'garbage', issued: '2025-06-04T00:00:00Z' },
      'garbage',
      'effectiveDateTime',
    ],
    ['none', {}, undefined, undefined],
  ])('%s', (_name, fields, value, path) => {
    const observation = { ...base, ...fields };
    expect(observationEffectiveTime(observation)).toBe(value);
    expect(observationTimeSource(observation)?.path).toBe(path);
  });
});
