import { checkTemplateTokens, fillPrefetchTemplate } from './fill-prefetch-template';
import type { CdsContext } from './types';

const CONTEXT = {
  userId: 'PractitionerRole/role-1',
  patientId: 'pat-1',
  encounterId: 'enc-1',
  custom: 'a/../b',
  dots: '..',
  selections: ['MedicationRequest/mr-1'],
  draftOrders: { resourceType: 'Bundle', type: 'collection' },
} as CdsContext;

describe('fillPrefetchTemplate', () => {
  it.each([
    ['REQ 55: a context token', 'Patient/{{context.patientId}}', 'Patient/pat-1'],
    ['a FHIR id with - and .', 'Encounter/{{context.encounterId}}', 'Encounter/enc-1'],
    ['spaces inside the braces', 'Patient/{{ context.patientId }}', 'Patient/pat-1'],
    [
      'REQ 56: userPractitionerRoleId from userId',
      'PractitionerRole/{{userPractitionerRoleId}}',
      'PractitionerRole/role-1',
    ],
    [
      'non-token text is kept',
      'Observation?patient={{context.patientId}}&code=http://loinc.org|x',
      'Observation?patient=pat-1&code=http://loinc.org|x',
    ],
  ])('fills %s', (_name, template, want) => {
    expect(fillPrefetchTemplate(template, CONTEXT)).toEqual({ ok: true, query: want });
  });

  it.each([
    ['REQ 57: a non-primitive field', 'X?y={{context.draftOrders}}', ['context.draftOrders']],
    ['REQ 57: an array field', 'X?y={{context.selections}}', ['context.selections']],
    ['REQ 59: a second-level field', 'X?y={{context.draftOrders.id}}', ['context.draftOrders.id']],
    ['a missing field', 'X?y={{context.appointmentId}}', ['context.appointmentId']],
    ['a user token of another user type', 'X?y={{userPractitionerId}}', ['userPractitionerId']],
    ['an unknown token', 'X?y={{today()}}&z={{patient}}', ['today()', 'patient']],
    ['a value outside the FHIR id grammar', 'Patient/{{context.custom}}', ['context.custom']],
    ['".." (it would resolve to the type\'s search)', 'Patient/{{context.dots}}', ['context.dots']],
  ])('refuses %s', (_name, template, unfilled) => {
    expect(fillPrefetchTemplate(template, CONTEXT)).toEqual({ ok: false, unfilled });
  });
});

describe('checkTemplateTokens', () => {
  it('names each context field whose value is not a FHIR id, without echoing the value', () => {
    const issues = checkTemplateTokens(
      {
        patient: 'Patient/{{context.dots}}',
        labs: 'Observation?patient={{context.dots}}&encounter={{context.custom}}',
        fine: 'Encounter/{{context.encounterId}}',
      },
      CONTEXT,
    );
    expect(issues.map((i) => [i.code, i.location?.pointer])).toEqual([
      ['SOLEUS_HOOK_INVALID_REQUEST', '/context/dots'],
      ['SOLEUS_HOOK_INVALID_REQUEST', '/context/custom'],
    ]);
    expect(JSON.stringify(issues)).not.toContain('a/../b');
  });

  it('checks user tokens through userId', () => {
    const context = { ...CONTEXT, userId: 'PractitionerRole/..' } as CdsContext;
    const issues = checkTemplateTokens(
      { me: 'PractitionerRole/{{userPractitionerRoleId}}' },
      context,
    );
    expect(issues.map((i) => i.location?.pointer)).toEqual(['/context/userId']);
  });

  it('accepts templates whose tokens are ids or cannot be filled at all', () => {
    expect(
      checkTemplateTokens(
        { a: 'Patient/{{context.patientId}}', b: 'X?y={{context.none}}' },
        CONTEXT,
      ),
    ).toEqual([]);
  });
});
