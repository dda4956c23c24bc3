import type { CodeableConcept, Observation } from 'fhir/r4';
import { readResultValue } from './read-result-value';

const SCT = 'http://snomed.info/sct';
const obs = (value: Partial<Observation>): Observation => ({
  resourceType: 'Observation',
  status: 'final',
  code: { text: 'test' },
  ...value,
});
const coded = {
  isPositive: (c: CodeableConcept) => (c.coding ?? []).some((x) => x.code === '10828004'),
  isNegative: (c: CodeableConcept) => (c.coding ?? []).some((x) => x.code === '260385009'),
};

describe('readResultValue: qualitative and text results', () => {
  it.each<[string, Partial<Observation>, unknown]>([
    [
      'valueString POSITIVE',
      { valueString: 'POSITIVE' },
      { kind: 'positive', reported: 'POSITIVE' },
    ],
    [
      'valueString "Detected." with a full stop',
      { valueString: ' Detected. ' },
      { kind: 'positive', reported: 'Detected.' },
    ],
    [
      'valueString "not  detected"',
      { valueString: 'not  detected' },
      { kind: 'negative', reported: 'not  detected' },
    ],
    [
      'valueString Negative',
      { valueString: 'Negative' },
      { kind: 'negative', reported: 'Negative' },
    ],
    [
      'coded positive (SNOMED qualifier)',
      { valueCodeableConcept: { coding: [{ system: SCT, code: '10828004' }] } },
      { kind: 'positive', reported: '10828004' },
    ],
    [
      'coded negative',
      { valueCodeableConcept: { coding: [{ system: SCT, code: '260385009' }] } },
      { kind: 'negative', reported: '260385009' },
    ],
    [
      'a local code whose display says positive',
      { valueCodeableConcept: { coding: [{ system: 'urn:lab', code: 'P', display: 'Positive' }] } },
      { kind: 'positive', reported: 'Positive' },
    ],
    [
      'concept text only',
      { valueCodeableConcept: { text: 'non-reactive' } },
      { kind: 'negative', reported: 'non-reactive' },
    ],
  ])('%s', (_name, value, want) => {
    expect(readResultValue(obs(value), coded)).toEqual(want);
  });

  it.each<[string, string, unknown]>([
    ['"<200 ng/mL"', '<200 ng/mL', { value: 200, unit: 'ng/mL', comparator: '<' }],
    [
      '"< 0.5 mg/L FEU" (the unit text is kept for the converter)',
      '< 0.5 mg/L FEU',
      { value: 0.5, unit: 'mg/L FEU', comparator: '<' },
    ],
    ['"≥ 5000 ug/L DDU"', '≥ 5000 ug/L DDU', { value: 5000, unit: 'ug/L DDU', comparator: '>=' }],
    ['"3.1 mmol/L"', '3.1 mmol/L', { value: 3.1, unit: 'mmol/L' }],
    ['"480 ng/mL{FEU}"', '480 ng/mL{FEU}', { value: 480, unit: 'ng/mL{FEU}' }],
  ])('reads %s as a quantity', (_name, valueString, quantity) => {
    expect(readResultValue(obs({ valueString }))).toEqual({
      kind: 'quantity',
      quantity,
      fromText: true,
    });
  });

  it.each<[string, Partial<Observation>, string]>([
    [
      'a number without a unit',
      { valueString: '3.1' },
      'text result has a number but no unit (the unit decides)',
    ],
    [
      'free text',
      { valueString: 'see scanned report' },
      'text result is neither a quantity nor a known qualitative word',
    ],
    [
      'an equivocal word',
      { valueString: 'indeterminate' },
      'text result is neither a quantity nor a known qualitative word',
    ],
    [
      'a decimal comma (thousands or decimals?)',
      { valueString: '3,1 mmol/L' },
      'text result is neither a quantity nor a known qualitative word',
    ],
    [
      'a code that is neither',
      { valueCodeableConcept: { coding: [{ system: 'urn:lab', code: 'X' }] } },
      'coded result is neither a known positive nor a known negative',
    ],
    [
      'valueQuantity without a number',
      { valueQuantity: { unit: 'mmol/L' } },
      'valueQuantity without a number',
    ],
    [
      'a valueBoolean',
      { valueBoolean: true },
      'valueBoolean is not a laboratory result this reads',
    ],
  ])('%s is uninterpretable (reported by the caller, never negative)', (_name, value, reason) => {
    const read = readResultValue(obs(value), coded);
    expect(read.kind === 'uninterpretable' ? read.reason : read.kind).toBe(reason);
  });

  it('passes valueQuantity through and says when there is no value at all', () => {
    expect(readResultValue(obs({ valueQuantity: { value: 4, unit: 'mmol/L' } }))).toEqual({
      kind: 'quantity',
      quantity: { value: 4, unit: 'mmol/L' },
      fromText: false,
    });
    expect(readResultValue(obs({}))).toEqual({ kind: 'none' });
  });

  it('never quotes the text in a message (it may hold free text about the patient)', () => {
    const read = readResultValue(obs({ valueString: 'called Dr Who about Jane Roe' }));
    expect(JSON.stringify(read)).not.toContain('Jane');
  });
});
