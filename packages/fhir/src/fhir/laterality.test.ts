import type { CodeableConcept } from 'fhir/r4';
import { laterality, LATERALITY_TABLE, type Laterality, type LateralityInput } from './laterality';

const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
const SCT = 'http://snomed.info/sct';
const icd = (code: string): CodeableConcept => ({ coding: [{ system: ICD, code }] });
const sct = (...codes: string[]): CodeableConcept => ({
  coding: codes.map((code) => ({ system: SCT, code })),
});
// 30021000: "Structure of lower limb from knee to ankle" (clinical-spec §5.1), a site with no side.
const LOWER_LEG = '30021000';

describe('laterality', () => {
  it.each<[string, LateralityInput, Laterality]>([
    ['M79.661 right lower leg', { code: icd('M79.661') }, 'right'],
    ['M79.662 left lower leg', { code: icd('M79.662') }, 'left'],
    ['M79.669 unspecified', { code: icd('M79.669') }, 'unknown'],
    ['M79.604 right leg', { code: icd('M79.604') }, 'right'],
    ['M79.605 left leg', { code: icd('M79.605') }, 'left'],
    ['R22.41 right', { code: icd('R22.41') }, 'right'],
    ['R22.42 left', { code: icd('R22.42') }, 'left'],
    ['R22.43 bilateral', { code: icd('R22.43') }, 'bilateral'],
    ['R22.40 unspecified', { code: icd('R22.40') }, 'unknown'],
    ['I82.401 right', { code: icd('I82.401') }, 'right'],
    ['I82.402 left', { code: icd('I82.402') }, 'left'],
    ['I82.403 bilateral', { code: icd('I82.403') }, 'bilateral'],
    ['I82.409 unspecified', { code: icd('I82.409') }, 'unknown'],
    ['I82.4Z2 distal left', { code: icd('I82.4Z2') }, 'left'],
    ['I82.541 chronic tibial right', { code: icd('I82.541') }, 'right'],
    ['dotless and lower case i82402', { code: icd('i82402') }, 'left'],
    ['S86.112A left with 7th character', { code: icd('S86.112A') }, 'left'],
    ['M54.31 sciatica right', { code: icd('M54.31') }, 'right'],
    ['L03.116 cellulitis left lower limb', { code: icd('L03.116') }, 'left'],
    ['R25.2 has no laterality', { code: icd('R25.2') }, 'unknown'],
    [
      'ICD-looking code in another system is ignored',
      { code: { coding: [{ system: SCT, code: 'I82.401' }] } },
      'unknown',
    ],
    [
      'SNOMED left qualifier with the site',
      { code: sct('10601006'), bodySite: [sct(LOWER_LEG, '7771000')] },
      'left',
    ],
    ['SNOMED right qualifier', { bodySite: [sct(LOWER_LEG, '24028007')] }, 'right'],
    ['SNOMED bilateral qualifier', { bodySite: [sct(LOWER_LEG, '51440002')] }, 'bilateral'],
    ['Observation single bodySite', { bodySite: sct(LOWER_LEG, '7771000') }, 'left'],
    [
      'left and right sites mean both sides',
      { bodySite: [sct(LOWER_LEG, '7771000'), sct(LOWER_LEG, '24028007')] },
      'bilateral',
    ],
    [
      'qualifier code in another system is ignored',
      { bodySite: [{ coding: [{ system: ICD, code: '7771000' }] }] },
      'unknown',
    ],
    ['site without side', { bodySite: [sct(LOWER_LEG)] }, 'unknown'],
    [
      'ICD side wins over a contradicting qualifier',
      { code: icd('M79.661'), bodySite: [sct(LOWER_LEG, '7771000')] },
      'right',
    ],
    [
      'unspecified ICD falls through to the qualifier',
      { code: icd('M79.669'), bodySite: [sct(LOWER_LEG, '7771000')] },
      'left',
    ],
    [
      'pre-coordinated lateral code (paresis of left lower limb)',
      { code: sct('16018391000119104') },
      'left',
    ],
    [
      'pre-coordinated lateral code (paresis of right lower limb)',
      { code: sct('16018431000119109') },
      'right',
    ],
    [
      'qualifier wins over a lateral code',
      { code: sct('16018431000119109'), bodySite: [sct(LOWER_LEG, '7771000')] },
      'left',
    ],
    ['nothing at all', {}, 'unknown'],
  ])('%s', (_name, input, expected) => {
    expect(laterality(input)).toBe(expected);
  });

  it('reads lateral site codes from the table it is given', () => {
    const table = { ...LATERALITY_TABLE, snomedLateralCodes: { '999001': 'left' as const } };
    expect(laterality({ bodySite: [sct('999001')] }, table)).toBe('left');
    expect(laterality({ bodySite: [sct('999001')] })).toBe('unknown');
  });

  it('ships a table whose patterns compile and map only to known sides', () => {
    const sides = new Set(['left', 'right', 'bilateral', 'unknown']);
    for (const rule of LATERALITY_TABLE.icd10cm) {
      expect(() => new RegExp(rule.pattern)).not.toThrow();
      expect(new RegExp(`${rule.pattern}|`).exec('')?.length).toBe(2); // exactly one capture group
      expect(Object.values(rule.sides).every((s) => sides.has(s))).toBe(true);
    }
  });
});
