import type { Observation } from 'fhir/r4';
import { calfPain, evaluateFacts } from './support/dvt-record';

const CALF_FINDINGS = 'https://soleus.dev/fhir/CodeSystem/calf-findings';
const finding = (id: string, extra: Partial<Observation>): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: CALF_FINDINGS, code: 'pulses-absent' }] },
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2026-11-21T10:00:00Z',
  ...extra,
});
const run = (...obs: Observation[]) =>
  evaluateFacts([calfPain(), ...obs], undefined, ['dvt.limbIschaemia']);

describe('dvt.limbIschaemia from bedside findings (valueBoolean true in the episode)', () => {
  it('a finding recorded as present is a red flag', () => {
    const { fact } = run(finding('f1', { valueBoolean: true }));
    expect(fact('dvt.limbIschaemia')?.value).toBe(true);
  });

  it('a finding recorded as absent is not, and says why', () => {
    const { fact } = run(finding('f1', { valueBoolean: false }));
    expect(fact('dvt.limbIschaemia')?.value).toBe(false);
    expect(fact('dvt.limbIschaemia')?.ignored).toEqual([
      { resource: 'Observation/f1', note: 'finding recorded as absent' },
    ]);
  });

  it.each<[string, Partial<Observation>]>([
    ['a number instead of yes/no', { valueQuantity: { value: 1 } }],
    ['a string instead of yes/no', { valueString: 'yes' }],
  ])(
    'a finding with %s is unreadable, so unknown: not evidence, listed as not used, and a data-quality issue',
    (_desc, extra) => {
      const { fact, issues } = run(finding('f1', extra));
      expect(fact('dvt.limbIschaemia')?.value).toBeNull();
      expect(fact('dvt.limbIschaemia')?.ignored).toEqual([
        { resource: 'Observation/f1', note: 'no valueBoolean' },
      ]);
      expect(issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            code: 'SOLEUS_FHIR_UNINTERPRETABLE',
            location: { resource: 'Observation/f1', path: 'value[x]' },
          }),
        ]),
      );
    },
  );
});
