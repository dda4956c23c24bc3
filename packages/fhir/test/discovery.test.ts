/**
 * Discovery over the shipped rule packs: prefetch is narrowed by code wherever the value sets can be
 * listed, so an EHR sends tens of resources rather than the whole record (issue 3, issue 7 budget).
 */
import { DEFAULT_CONTENT, loadRuleSetSync } from '@soleus/core';
import { buildDiscovery } from '../src/cds-hooks/discovery';

const services = buildDiscovery(loadRuleSetSync(DEFAULT_CONTENT)).services;
const prefetch = (id: string) => services.find((s) => s.id === id)?.prefetch ?? {};

describe('discovery prefetch templates from the shipped packs', () => {
  it('REQ 4-7: one service per hook, each with a Patient read', () => {
    expect(services.map((s) => s.id)).toEqual([
      'soleus-patient-view',
      'soleus-order-select',
      'soleus-order-sign',
    ]);
    for (const s of services) {
      expect(s.prefetch?.patient).toBe('Patient/{{context.patientId}}');
    }
  });

  it.each(['soleus-patient-view', 'soleus-order-select', 'soleus-order-sign'])(
    '%s asks for Observations and DiagnosticReports by code, never for all of them',
    (id) => {
      expect(prefetch(id).observations).toMatch(
        /^Observation\?patient=\{\{context\.patientId\}\}&code=\S+\|/,
      );
      expect(prefetch(id).diagnosticReports).toMatch(/&code=http:\/\/loinc\.org\|/);
    },
  );

  it('patient-view prefetches D-dimers, the Wells questionnaire and trigger encounters by reason code', () => {
    const pv = prefetch('soleus-patient-view');
    expect(pv.observations).toContain('http://loinc.org|48065-7');
    expect(pv.encounters).toMatch(/^Encounter\?patient=\{\{context\.patientId\}\}&reason-code=/);
    expect(pv.encounters).toContain('http://hl7.org/fhir/sid/icd-10-cm|M79.661');
    expect(pv.encountersInProgress).toBe(
      'Encounter?patient={{context.patientId}}&status=in-progress',
    );
  });

  it('order hooks ask only for active medications (drafts come in the context)', () => {
    expect(prefetch('soleus-order-sign').medicationRequests).toBe(
      'MedicationRequest?patient={{context.patientId}}&status=active',
    );
  });

  it('uses only CDS Hooks tokens allowed in templates (first-level context fields)', () => {
    for (const s of services) {
      for (const template of Object.values(s.prefetch ?? {})) {
        for (const token of template.match(/\{\{[^}]+\}\}/g) ?? []) {
          expect(token).toBe('{{context.patientId}}');
        }
      }
    }
  });
});
