import { fillPrefetchTemplate } from './fill-prefetch-template';
import type { CdsContext } from './types';

const CONTEXT = {
  userId: 'PractitionerRole/role-1',
  patientId: 'pat-1',
  encounterId: 'enc 1',
  selections: ['MedicationRequest/mr-1'],
  draftOrders: { resourceType: 'Bundle', type: 'collection' },
} as CdsContext;

describe('fillPrefetchTemplate', () => {
  it.each([
    ['REQ 55: a context token', 'Patient/{{context.patientId}}', 'Patient/pat-1'],
    ['tokens are URL-encoded', 'Encounter/{{context.encounterId}}', 'Encounter/enc%201'],
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
  ])('refuses %s', (_name, template, unfilled) => {
    expect(fillPrefetchTemplate(template, CONTEXT)).toEqual({ ok: false, unfilled });
  });
});
