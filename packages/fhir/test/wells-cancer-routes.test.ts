import type { Encounter, FhirResource, MedicationRequest, Procedure } from 'fhir/r4';
import {
  ALL_ABSENT,
  calfPain,
  condition,
  evaluateFacts,
  ICD,
  SCT,
  wells,
} from './support/dvt-record';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const withoutCancer = Object.fromEntries(
  Object.entries(ALL_ABSENT).filter(([linkId]) => linkId !== 'activeCancer'),
);
const order = (
  rxcui: string,
  status: MedicationRequest['status'],
  authoredOn: string,
): MedicationRequest => ({
  resourceType: 'MedicationRequest',
  id: `rx-${rxcui}`,
  status,
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  authoredOn,
  medicationCodeableConcept: { coding: [{ system: RXNORM, code: rxcui }] },
});
const procedure = (code: string, performed: string): Procedure => ({
  resourceType: 'Procedure',
  id: `proc-${code}`,
  status: 'completed',
  subject: { reference: 'Patient/p1' },
  code: { coding: [{ system: SCT, code }] },
  performedDateTime: performed,
});
const encounter = (status: Encounter['status'], start: string): Encounter => ({
  resourceType: 'Encounter',
  id: 'pall',
  status,
  class: { code: 'AMB' },
  subject: { reference: 'Patient/p1' },
  type: [{ coding: [{ system: SCT, code: '305686008' }] }],
  period: { start },
});

describe('Wells item 1 routes (§A.3: treatment within 6 months, or palliative)', () => {
  it.each<[string, FhirResource, string | null]>([
    [
      'cisplatin (IN) stopped 60 days ago',
      order('2555', 'stopped', '2026-09-23'),
      'cancer medication in the last 6 months (23 Sep 2026, 60 days ago)',
    ],
    [
      'paclitaxel completed 182 days ago',
      order('56946', 'completed', '2026-05-24'),
      'cancer medication in the last 6 months (24 May 2026, 182 days ago)',
    ],
    [
      'docetaxel active (whenever ordered)',
      order('72962', 'active', '2025-01-01'),
      'cancer medication in the last 6 months (1 Jan 2025, 22 months ago)',
    ],
    [
      'cisplatin completed 200 days ago → not current treatment',
      order('2555', 'completed', '2026-05-06'),
      null,
    ],
    ['cisplatin cancelled → never given', order('2555', 'cancelled', '2026-11-01'), null],
    [
      'chemotherapy procedure 100 days ago',
      procedure('367336001', '2026-08-14'),
      'chemotherapy in the last 6 months (14 Aug 2026, 100 days ago)',
    ],
    [
      'combined chemo-radiotherapy (Synthea) 30 days ago',
      procedure('703423002', '2026-10-23'),
      'chemotherapy in the last 6 months (23 Oct 2026, 30 days ago)',
    ],
    ['chemotherapy procedure 190 days ago', procedure('367336001', '2026-05-16'), null],
    [
      'palliative care encounter (type) in progress',
      encounter('in-progress', '2025-12-01'),
      'palliative care visit in the last 6 months (1 Dec 2025, 11 months ago)',
    ],
    [
      'palliative care encounter 10 days ago',
      encounter('finished', '2026-11-12'),
      'palliative care visit in the last 6 months (12 Nov 2026, 10 days ago)',
    ],
    ['palliative care encounter a year ago', encounter('finished', '2025-11-12'), null],
    ['a planned palliative encounter never counts', encounter('planned', '2026-11-23'), null],
    [
      'Z51.5 encounter for palliative care, as a Condition',
      condition('z515', ICD, 'Z51.5', '2026-11-01'),
      'palliative care in the last 6 months (1 Nov 2026, 21 days ago)',
    ],
    [
      'a palliative care intervention',
      procedure('103735009', '2026-10-01'),
      'palliative care in the last 6 months (1 Oct 2026, 52 days ago)',
    ],
  ])('%s', (_name, resource, route) => {
    const { fact } = evaluateFacts([
      calfPain(),
      wells({ ...withoutCancer, tenderness: true }),
      resource,
    ]);
    const lines = fact('dvt.wellsItems')?.value as string[];
    const cancer = lines.find((l) => l.startsWith('Present: Active cancer'));
    if (route === null) {
      expect([cancer, fact('dvt.wellsClass')?.value]).toEqual([undefined, 'unlikely']);
      expect(lines).toContainEqual(
        expect.stringMatching(/^Absent \(nothing in the record\): active cancer(;|$)/),
      );
    } else {
      // The Wells line names the route that counted, in words, with the record's date (issue 15).
      expect([cancer, fact('dvt.wellsClass')?.value]).toEqual([
        `Present: Active cancer (+1) — ${route}`,
        'likely',
      ]);
    }
  });
});
