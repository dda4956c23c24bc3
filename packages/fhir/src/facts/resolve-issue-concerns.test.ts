import type { Bundle, FhirResource } from 'fhir/r4';
import { DEFAULT_CONTENT, loadRuleSetSync } from '@soleus/core';
import { ALL_ABSENT, calfPain, ddimer, NOW, wells } from '../../test/support/dvt-record';
import { recordFromBundle } from '../record/record-from-bundle';
import { bundleToFacts } from './bundle-to-facts';

const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);

function issuesOf(resources: FhirResource[], alsoCompute: string[]) {
  const bundle: Bundle<FhirResource> = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { resourceType: 'Patient', id: 'p1', birthDate: '1970-06-01' } as FhirResource,
      ...resources,
    ].map((resource) => ({ resource })),
  };
  // order-sign reads no DVT fact: only `alsoCompute` decides which DVT facts exist, and in what order.
  return bundleToFacts(recordFromBundle(bundle, 'test'), {
    ruleSet,
    hook: 'order-sign',
    now: NOW,
    alsoCompute,
  }).issues;
}

describe('what an issue concerns', () => {
  const record = [calfPain(), wells(ALL_ABSENT), ddimer(300, undefined)];

  it('reaches every fact built on the mechanism that raised it, whichever fact was computed first', () => {
    const first = issuesOf(record, ['dvt.ddimerExplanation', 'dvt.decision']);
    const second = issuesOf(record, ['dvt.decision', 'dvt.ddimerExplanation']);
    const concerns = (issues: typeof first) =>
      issues.find((i) => i.location?.resource === 'Observation/dd-1')?.concerns?.facts;
    expect(concerns(first)).toEqual(concerns(second));
    expect(concerns(first)).toEqual(
      expect.arrayContaining(['dvt.decision', 'dvt.ddimerExplanation']),
    );
    expect(concerns(first)).not.toContain('dvt.triggered');
  });

  it('leaves issues that are only counted without concerns (they never reach a card)', () => {
    const stale = ddimer(300, 'ng/mL{FEU}', { effectiveDateTime: '2026-01-01T00:00:00Z' });
    const issues = issuesOf(
      [{ ...stale, code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] } }],
      ['cramp.potassium'],
    );
    const counted = issues.find((i) => i.location?.resource === 'Observation/dd-1');
    expect(counted).toMatchObject({ audience: 'operator' });
    expect(counted?.concerns).toBeUndefined();
  });

  describe('another patient’s entries (issue 11 scope): the facts that would have read them', () => {
    const theirs = (resource: FhirResource): FhirResource =>
      ({
        ...resource,
        id: `their-${resource.id ?? ''}`,
        subject: { reference: 'Patient/p2' },
      }) as FhirResource;
    const scopeIssue = (resources: FhirResource[], alsoCompute: string[]) =>
      issuesOf(resources, alsoCompute).find((i) => i.code === 'SOLEUS_FHIR_OUT_OF_SCOPE');

    it('a D-dimer of another patient concerns the DVT decision, not the potassium', () => {
      const issue = scopeIssue(
        [calfPain(), wells(ALL_ABSENT), theirs(ddimer(300, 'ng/mL{FEU}'))],
        ['dvt.decision', 'cramp.potassium'],
      );
      expect(issue?.concerns?.facts).toContain('dvt.decision');
      expect(issue?.concerns?.facts).not.toContain('cramp.potassium');
      expect(issue?.clinicianText).toBe(
        'An entry filed under another patient or under no patient (a result) was not used; check the record for a misfiled entry',
      );
    });

    it('an entry no computed fact reads concerns nothing (it is only counted)', () => {
      const immunization = {
        resourceType: 'Immunization',
        id: 'imm',
        status: 'completed',
        patient: { reference: 'Patient/p2' },
        vaccineCode: { text: 'influenza' },
        occurrenceDateTime: '2026-10-01',
      } as FhirResource;
      const issue = scopeIssue([immunization], ['dvt.decision', 'cramp.potassium']);
      expect(issue?.severity).toBe('warning');
      expect(issue?.concerns).toBeUndefined();
    });
  });
});
