import type { Issue } from '@soleus/core';
import { buildOperationOutcome, pointerToPath } from './operation-outcome';

const ISSUE: Issue = {
  severity: 'error',
  code: 'SOLEUS_HOOK_INVALID_REQUEST',
  message: 'request#/context/selections/0: expected a reference to a draft order',
  location: { pointer: '/context/selections/0' },
};

describe('buildOperationOutcome', () => {
  it.each([
    [400, 'invalid'],
    [404, 'not-found'],
    [412, 'required'],
    [500, 'exception'],
  ] as const)(
    'status %i without issues → one %s issue with generic diagnostics',
    (status, code) => {
      const outcome = buildOperationOutcome(status);
      expect(outcome.resourceType).toBe('OperationOutcome');
      expect(outcome.issue).toEqual([{ severity: 'error', code, diagnostics: expect.any(String) }]);
    },
  );

  it('maps each issue to a FHIR issue with code, message and element path', () => {
    expect(buildOperationOutcome(400, [ISSUE]).issue).toEqual([
      {
        severity: 'error',
        code: 'invalid',
        details: { text: 'SOLEUS_HOOK_INVALID_REQUEST' },
        diagnostics: ISSUE.message,
        expression: ['context.selections[0]'],
      },
    ]);
  });

  it('a 500 never carries issue detail', () => {
    expect(buildOperationOutcome(500, [ISSUE]).issue).toEqual([
      { severity: 'error', code: 'exception', diagnostics: 'Internal error' },
    ]);
  });

  it('information issues stay out; warnings stay warnings', () => {
    const info: Issue = { ...ISSUE, severity: 'information' };
    const warning: Issue = { ...ISSUE, severity: 'warning', code: 'SOLEUS_FHIR_FETCH' };
    expect(buildOperationOutcome(412, [info, warning]).issue.map((i) => i.severity)).toEqual([
      'warning',
    ]);
  });
});

describe('pointerToPath', () => {
  it.each([
    ['', ''],
    ['/hook', 'hook'],
    ['/prefetch/a~1b', 'prefetch.a/b'],
    ['/cards/0/suggestions/1/label', 'cards[0].suggestions[1].label'],
  ])('%s → %s', (pointer, want) => {
    expect(pointerToPath(pointer)).toBe(want);
  });
});
