import type { Condition } from 'fhir/r4';
import { conditionOnset, conditionOnsetSource } from './condition-onset';

const base: Condition = {
  resourceType: 'Condition',
  id: 'c1',
  subject: { reference: 'Patient/p1' },
};

describe('conditionOnset', () => {
  it.each<[string, Partial<Condition>, string | undefined, string | undefined]>([
    [
      'onsetDateTime first',
      {
        onsetDateTime: '2025-06-01',
        onsetPeriod: { start: '2025-05-01' },
        recordedDate: '2025-06-05',
      },
      '2025-06-01',
      'onsetDateTime',
    ],
    [
      'then onsetPeriod.start',
      { onsetPeriod: { start: '2025-05-01' }, recordedDate: '2025-06-05' },
      '2025-05-01',
      'onsetPeriod.start',
    ],
    [
      'period without start falls through',
      { onsetPeriod: { end: '2025-05-09' }, recordedDate: '2025-06-05' },
      '2025-06-05',
      'recordedDate',
    ],
    [
      'onsetAge is not a date',
      { onsetAge: { value: 40, unit: 'a' }, recordedDate: '2025-06-05' },
      '2025-06-05',
      'recordedDate',
    ],
    ['onsetString is not a date', { onsetString: 'last week' }, undefined, undefined],
    ['absent → unknown', {}, undefined, undefined],
  ])('%s', (_name, fields, value, path) => {
    const condition = { ...base, ...fields };
    expect(conditionOnset(condition)).toBe(value);
    expect(conditionOnsetSource(condition)?.path).toBe(path);
  });
});
