import type { Issue } from '@soleus/core';
import { clinicianLine } from './clinician-line';

const base: Issue = {
  severity: 'warning',
  code: 'SOLEUS_FHIR_UNINTERPRETABLE',
  message: 'Observation/k-1 (valueQuantity.unit): unit "" cannot be read',
  location: { resource: 'Observation/k-1', path: 'valueQuantity.unit' },
};

describe('clinicianLine', () => {
  it('prefers the clinician text the issue was raised with', () => {
    const text =
      'Potassium (20 Nov 2026) has no unit, so its value cannot be read; treated as unknown';
    expect(clinicianLine({ ...base, clinicianText: text })).toBe(text);
  });

  it('names the kind of data an EHR did not send', () => {
    const issue: Issue = {
      severity: 'warning',
      code: 'SOLEUS_HOOK_PREFETCH_MISSING',
      message: 'request#/prefetch/medicationRequests: omitted',
      concerns: { resourceTypes: ['MedicationRequest'] },
    };
    expect(clinicianLine(issue)).toBe(
      'Medication orders: not received from the EHR in this call, so treated as unknown',
    );
    expect(clinicianLine({ ...issue, code: 'SOLEUS_HOOK_PREFETCH_PARTIAL' })).toBe(
      'Medication orders: only partly received from the EHR in this call, so treated as unknown',
    );
  });

  it('falls back to a plain sentence, never the engineering message', () => {
    expect(clinicianLine(base)).toBe('A record entry could not be read; it was treated as unknown');
    expect(clinicianLine(base)).not.toContain('Observation/k-1');
  });
});
