import type { Encounter, FhirResource } from 'fhir/r4';
import { calfPain, condition, evaluateFacts, ICD, SCT } from './support/dvt-record';

describe('dvt.triggered / dvt.episodeStart (§A.1, §9.3a)', () => {
  const visit = (status: Encounter['status'], start: string): Encounter => ({
    resourceType: 'Encounter',
    id: 'visit-1',
    status,
    class: { code: 'AMB' },
    subject: { reference: 'Patient/p1' },
    reasonCode: [{ coding: [{ system: ICD, code: 'M79.661' }] }],
    period: { start },
  });
  it.each<[string, FhirResource, boolean]>([
    ['encounter for right calf pain yesterday', visit('finished', '2026-11-21T10:00:00Z'), true],
    ['cancelled encounter', visit('cancelled', '2026-11-21T10:00:00Z'), false],
    ['encounter 20 days ago', visit('finished', '2026-11-02T10:00:00Z'), false],
    ['calf pain 2 days ago', calfPain('2026-11-20'), true],
    ['onset exactly 14 days ago (instant)', calfPain('2026-11-08T09:00:00Z'), true],
    ['onset 14 days and 1 minute ago', calfPain('2026-11-08T08:59:00Z'), false],
    ['month-precision onset', calfPain('2026-11'), false],
    ['no onset at all', calfPain(''), false],
    ['onset in the future', calfPain('2026-11-23'), false],
    ['leg swelling (SNOMED)', condition('swelling', SCT, '449614009', '2026-11-21'), true],
    [
      'left calf cramp (SNOMED laterality qualifier)',
      condition('cramp', ICD, 'M62.831', '2026-11-21', {
        bodySite: [{ coding: [{ system: SCT, code: '7771000' }] }],
      }),
      true,
    ],
    ['cramp without laterality', condition('cramp', ICD, 'R25.2', '2026-11-21'), false],
    [
      'bilateral cramp',
      condition('cramp', ICD, 'R25.2', '2026-11-21', {
        bodySite: [{ coding: [{ system: SCT, code: '51440002' }] }],
      }),
      false,
    ],
  ])('%s → %s', (_desc, trigger, want) => {
    const { fact } = evaluateFacts([trigger]);
    expect(fact('dvt.triggered')?.value).toBe(want);
    expect(fact('dvt.episodeStart')?.value ?? null).toBe(
      want ? (fact('dvt.episodeStart')?.value ?? 'missing') : null,
    );
  });

  it('starts the episode at the earliest qualifying onset', () => {
    const { fact } = evaluateFacts([
      calfPain('2026-11-20'),
      condition('swelling', ICD, 'R22.42', '2026-11-18'),
    ]);
    expect(fact('dvt.episodeStart')?.value).toBe('2026-11-18T00:00:00.000Z');
  });
});
