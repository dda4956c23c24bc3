import type { FhirResource } from 'fhir/r4';
import { calfPain, evaluateFacts, SCT } from './support/dvt-record';

describe('venous ultrasound (§9.5)', () => {
  const report = (code: string, effective = '2026-11-21T12:00:00Z'): FhirResource => ({
    resourceType: 'DiagnosticReport',
    id: 'us-1',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '69392-9' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: effective,
    conclusionCode: [{ coding: [{ system: SCT, code }] }],
  });
  it.each<[string, FhirResource, string | null]>([
    ['positive qualifier', report('10828004'), 'positive'],
    ['negative qualifier', report('260385009'), 'negative'],
    ['DVT diagnosis code = positive', report('404223003'), 'positive'],
    ['8 days old → none', report('10828004', '2026-11-14T08:00:00Z'), null],
  ])('%s', (_desc, scan, want) => {
    const { fact } = evaluateFacts([calfPain('2026-11-12'), scan]);
    expect(fact('dvt.ultrasoundResult')?.value ?? null).toBe(want);
  });
});
