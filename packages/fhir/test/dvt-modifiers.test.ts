import type { Encounter, FhirResource, Observation } from 'fhir/r4';
import { calfPain, condition, enoxaparin, evaluateFacts, ICD, SCT } from './support/dvt-record';

describe('modifiers (§A.5)', () => {
  it.each<[string, FhirResource[], string | null, boolean]>([
    ['nothing → none, reliable', [], 'none', true],
    ['enoxaparin 40 mg daily → prophylactic, reliable', [enoxaparin(40, 1)], 'prophylactic', true],
    ['enoxaparin 80 mg twice daily → therapeutic', [enoxaparin(80, 2)], 'therapeutic', false],
    [
      'long-term anticoagulation status',
      [condition('lt', ICD, 'Z79.01', '2025-01-01')],
      'therapeutic',
      false,
    ],
    ['pregnancy condition', [condition('preg', ICD, 'Z34.90', '2026-08-01')], 'none', false],
  ])('%s', (_desc, resources, anticoagulation, reliable) => {
    const { fact } = evaluateFacts([calfPain(), ...resources]);
    expect([fact('dvt.anticoagulation')?.value, fact('dvt.ddimerReliable')?.value]).toEqual([
      anticoagulation,
      reliable,
    ]);
  });

  const pregnancyStatus = (effective: string): Observation => ({
    resourceType: 'Observation',
    id: 'preg-status',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '82810-3' }] },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: effective,
    valueCodeableConcept: { coding: [{ system: SCT, code: '77386006' }] },
  });
  it.each<[string, string, boolean]>([
    ['pregnancy status "pregnant" 3 months ago', '2026-08-22T09:00:00Z', true],
    [
      'pregnancy status "pregnant" 2 years ago (outside the 294-day status window)',
      '2024-11-22T09:00:00Z',
      false,
    ],
  ])('%s → pregnant %s', (_desc, effective, want) => {
    const { fact } = evaluateFacts([calfPain(), pregnancyStatus(effective)]);
    expect(fact('dvt.pregnant')?.value).toBe(want);
  });

  it('counts an inpatient stay in progress as a context that raises D-dimer', () => {
    const stay: Encounter = {
      resourceType: 'Encounter',
      id: 'stay-1',
      status: 'in-progress',
      class: { code: 'IMP' },
      subject: { reference: 'Patient/p1' },
    };
    const { fact } = evaluateFacts([calfPain(), stay]);
    expect(fact('dvt.elevatedDdimerContexts')?.value).toEqual(['hospital inpatient']);
  });

  it('lists the contexts that raise D-dimer', () => {
    const { fact } = evaluateFacts(
      [calfPain(), condition('cancer', ICD, 'C50.911', '2026-03-01')],
      '1940-01-01',
    );
    expect(fact('dvt.elevatedDdimerContexts')?.value).toEqual(['active cancer', 'age over 80']);
  });

  it.each<[string, string, string | null]>([
    ['long-term anticoagulation (Z79.01), confirmed → therapeutic', 'confirmed', 'therapeutic'],
    ['provisional Z79.01 → unknown: neither anticoagulated nor not', 'provisional', null],
  ])('%s', (_name, ver, want) => {
    const status = condition('z79', ICD, 'Z79.01', '2025-01-01', {
      verificationStatus: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: ver },
        ],
      },
    });
    const { fact } = evaluateFacts([calfPain(), status]);
    expect([fact('dvt.anticoagulation')?.value, fact('dvt.ddimerReliable')?.value]).toEqual([
      want,
      false, // a negative D-dimer excludes nothing: therapeutic, or possibly so
    ]);
  });
});

describe('a DVT diagnosis by certainty (§A.6 first row, certainty by use)', () => {
  it.each<[string, string | undefined, boolean | null, boolean, string | null]>([
    ['confirmed → confirms', 'confirmed', true, true, 'dvt-confirmed'],
    ['no verificationStatus → recorded, confirms', undefined, true, true, 'dvt-confirmed'],
    [
      'provisional → suspected: never confirms, the pathway runs',
      'provisional',
      null,
      true,
      'dvt-wells-incomplete',
    ],
    ['differential → suspected', 'differential', null, true, 'dvt-wells-incomplete'],
    ['unconfirmed → suspected', 'unconfirmed', null, true, 'dvt-wells-incomplete'],
    ['refuted → nothing, and no episode without another trigger', 'refuted', false, false, null],
  ])('%s', (_name, ver, confirmed, suspected, decision) => {
    const dvt = condition('dvt', ICD, 'I82.412', '2026-11-21', {
      ...(ver
        ? {
            verificationStatus: {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: ver },
              ],
            },
          }
        : { verificationStatus: undefined }),
    });
    const { fact } = evaluateFacts([dvt]);
    expect([
      fact('dvt.confirmedCondition')?.value ?? null,
      fact('dvt.suspectedCondition')?.value ?? false,
      fact('dvt.decision')?.value ?? null,
    ]).toEqual([confirmed, suspected, decision]);
  });
});
