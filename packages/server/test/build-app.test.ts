/**
 * buildApp's own contracts: trust misconfiguration refused at build time, and a failing feedback
 * store answered 503 with Retry-After and a bare OperationOutcome (no message, no stack).
 */
import { buildApp } from '../src/build-app';
import type { FeedbackStore } from '../src/feedback/feedback-store';
import { captureLogs } from './support/log-capture';
import { loadTestRuleSet, NOW, PATIENT_VIEW } from './support/test-rule-set';

const KEYS = { keys: [] };
const UNAVAILABLE = {
  resourceType: 'OperationOutcome',
  issue: [
    {
      severity: 'error',
      code: 'transient',
      diagnostics: 'The feedback store is unavailable; nothing was stored, retry later',
      details: { text: 'SOLEUS_SERVER_STORE_UNAVAILABLE' },
    },
  ],
};

describe('buildApp configuration', () => {
  it.each<[string, Parameters<typeof buildApp>[0]['auth'], string | undefined]>([
    [
      'auth without publicBaseUrl',
      { issuers: [{ iss: 'https://ehr.example', jwks: KEYS }] },
      undefined,
    ],
    ['auth with no issuer', { issuers: [] }, 'https://cds.example'],
  ])('%s → SOLEUS_SERVER_CONFIG', async (_name, auth, publicBaseUrl) => {
    const ruleSet = await loadTestRuleSet();
    expect(() =>
      buildApp({
        ruleSet,
        logStream: captureLogs().stream,
        ...(auth ? { auth } : {}),
        ...(publicBaseUrl ? { publicBaseUrl } : {}),
      }),
    ).toThrow(expect.objectContaining({ code: 'SOLEUS_SERVER_CONFIG' }));
  });

  it('no issuer → local mode, announced by a warning', async () => {
    const logs = captureLogs();
    const app = buildApp({ ruleSet: await loadTestRuleSet(), logStream: logs.stream });
    await app.close();
    expect(logs.lines()).toContainEqual(expect.objectContaining({ level: 40, mode: 'local' }));
  });
});

describe('store failures → 503 OperationOutcome with Retry-After, without detail', () => {
  const SECRET = 'disk /var/lib/secret-path exploded';
  const failing: FeedbackStore = {
    append: () => Promise.reject(new Error(SECRET)),
    read: () => Promise.reject(new Error(SECRET)),
    close: () => Promise.resolve(),
  };
  it.each<[string, 'GET' | 'POST', string, object | undefined]>([
    [
      'the store refuses a feedback batch',
      'POST',
      `/cds-services/${PATIENT_VIEW}/feedback`,
      { feedback: [{ card: 'c', outcome: 'overridden', outcomeTimestamp: NOW.toISOString() }] },
    ],
    [
      'the store cannot be read for a summary',
      'GET',
      `/cds-services/${PATIENT_VIEW}/feedback/summary`,
      undefined,
    ],
  ])('%s', async (_name, method, url, payload) => {
    const logs = captureLogs();
    const app = buildApp({
      ruleSet: await loadTestRuleSet(),
      clock: () => NOW,
      logStream: logs.stream,
      feedbackStore: failing,
    });
    const res = await app.inject({ method, url, ...(payload ? { payload } : {}) });
    await app.close();
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.json()).toEqual(UNAVAILABLE);
    expect(res.body).not.toContain('secret-path');
    expect(logs.lines()).toContainEqual(expect.objectContaining({ level: 50 }));
  });
});
