import { factSetOf } from '@soleus/core';
import { interpolate, interpolateDeep } from './interpolate';

const scope = {
  facts: factSetOf({
    'lab.potassium': { value: 3.14159, unit: 'mmol/L' },
    'dvt.wellsClass': 'likely',
    'dq.messages': ['Observation/a: unit missing', 'Condition/b: entered-in-error'],
    'dq.none': [],
    'flag.known': true,
    'lab.unknown': null,
  }),
  context: { patientId: 'p1', draftOrders: { resourceType: 'Bundle' } },
};

describe('interpolate', () => {
  it.each([
    ['number with unit, 3 decimals', 'K {{fact.lab.potassium}}', 'K 3.142 mmol/L'],
    ['string', 'Wells {{ fact.dvt.wellsClass }}', 'Wells likely'],
    ['boolean', '{{fact.flag.known}}', 'yes'],
    [
      'unknown fact reads unknown',
      '{{fact.lab.unknown}} / {{fact.not.inSet}}',
      'unknown / unknown',
    ],
    [
      'inline list joins',
      'issues: {{fact.dq.messages}}',
      'issues: Observation/a: unit missing, Condition/b: entered-in-error',
    ],
    [
      'list alone on its line becomes bullets',
      'Items:\n{{fact.dq.messages}}\nend',
      'Items:\n- Observation/a: unit missing\n- Condition/b: entered-in-error\nend',
    ],
    ['empty list alone on its line removes the line', 'a\n{{fact.dq.none}}\nb', 'a\nb'],
    ['primitive context field', 'Patient/{{context.patientId}}', 'Patient/p1'],
    ['non-primitive context field is empty', '[{{context.draftOrders}}]', '[]'],
  ])('%s', (_name, template, want) => {
    expect(interpolate(template, scope)).toBe(want);
  });

  it('interpolates every string of a FHIR resource template and leaves other values alone', () => {
    const resource = {
      resourceType: 'ServiceRequest',
      subject: { reference: 'Patient/{{context.patientId}}' },
      priority: 1,
      flags: [true],
    };
    expect(interpolateDeep(resource, scope)).toEqual({
      resourceType: 'ServiceRequest',
      subject: { reference: 'Patient/p1' },
      priority: 1,
      flags: [true],
    });
  });
});
