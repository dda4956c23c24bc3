import { isSoleusError } from '@soleus/core';
import { loadServerConfig } from './load-server-config';

const noFile = (): string => {
  throw new Error('ENOENT');
};

describe('loadServerConfig', () => {
  it('defaults: port 3000 on loopback, no auth, in-memory feedback, info logs', () => {
    expect(loadServerConfig({}, noFile)).toEqual({
      port: 3000,
      host: '127.0.0.1',
      allowInsecureBind: false,
      corsOrigins: [],
      logLevel: 'info',
    });
  });

  it('the Wells app client id comes from SOLEUS_SMART_CLIENT_ID or the file, and is checked', () => {
    expect(loadServerConfig({ SOLEUS_SMART_CLIENT_ID: 'epic-1234' }, noFile).smartClientId).toBe(
      'epic-1234',
    );
    const file = (): string => JSON.stringify({ smartClientId: 'from-file' });
    expect(loadServerConfig({ SOLEUS_CONFIG: '/c.json' }, file).smartClientId).toBe('from-file');
    expect(() => loadServerConfig({ SOLEUS_SMART_CLIENT_ID: 'has space' }, noFile)).toThrow(
      /SOLEUS_SMART_CLIENT_ID: expected an OAuth client id/,
    );
  });

  it('environment wins over the file, the file over defaults', () => {
    const file = JSON.stringify({
      port: 4000,
      host: '0.0.0.0',
      publicBaseUrl: 'https://file.example',
      evaluationTimeoutMs: 1500,
      auth: { issuers: [{ iss: 'https://ehr.example', jwks: { keys: [] } }] },
    });
    const config = loadServerConfig(
      {
        SOLEUS_CONFIG: '/etc/soleus.json',
        PORT: '8080',
        SOLEUS_PUBLIC_BASE_URL: 'https://env.example',
        SOLEUS_CORS_ORIGINS: 'https://a.example, https://b.example',
        SOLEUS_BODY_LIMIT_BYTES: '2048',
        SOLEUS_FEEDBACK_FILE: '/var/lib/soleus/feedback.jsonl',
        SOLEUS_ALLOW_INSECURE_BIND: 'true',
      },
      () => file,
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      publicBaseUrl: 'https://env.example',
      corsOrigins: ['https://a.example', 'https://b.example'],
      bodyLimitBytes: 2048,
      evaluationTimeoutMs: 1500,
      feedbackFile: '/var/lib/soleus/feedback.jsonl',
      allowInsecureBind: true,
      auth: { issuers: [{ iss: 'https://ehr.example' }] },
    });
  });

  it('reads the medication index path from SOLEUS_RXNORM_INDEX, else the file key rxnormIndex', () => {
    const file = () => JSON.stringify({ rxnormIndex: '/etc/soleus/file-index.json' });
    expect(loadServerConfig({ SOLEUS_CONFIG: '/c.json' }, file).rxnormIndex).toBe(
      '/etc/soleus/file-index.json',
    );
    expect(
      loadServerConfig(
        { SOLEUS_CONFIG: '/c.json', SOLEUS_RXNORM_INDEX: '/var/lib/soleus/index.json' },
        file,
      ).rxnormIndex,
    ).toBe('/var/lib/soleus/index.json');
  });

  it.each<[string, Record<string, string>, string]>([
    ['non-numeric PORT', { PORT: 'eighty' }, 'PORT: expected an integer ≥ 0; found "eighty"'],
    [
      'negative body limit',
      { SOLEUS_BODY_LIMIT_BYTES: '-1' },
      'SOLEUS_BODY_LIMIT_BYTES: expected a positive integer',
    ],
    ['unknown log level', { SOLEUS_LOG_LEVEL: 'loud' }, 'SOLEUS_LOG_LEVEL: expected one of'],
    [
      'relative public base URL',
      { SOLEUS_PUBLIC_BASE_URL: 'cds.example' },
      'SOLEUS_PUBLIC_BASE_URL: expected an absolute http(s) URL',
    ],
    [
      'unreadable config file',
      { SOLEUS_CONFIG: '/nope.json' },
      'SOLEUS_CONFIG (/nope.json): expected a readable JSON file',
    ],
  ])('%s → SOLEUS_SERVER_CONFIG naming the setting', (_name, env, message) => {
    let caught: unknown;
    try {
      loadServerConfig(env, noFile);
    } catch (err) {
      caught = err;
    }
    expect(isSoleusError(caught) && caught.code).toBe('SOLEUS_SERVER_CONFIG');
    expect(isSoleusError(caught) && caught.issues.map((i) => i.message)).toEqual([
      expect.stringContaining(message),
    ]);
  });

  it('auth in the file without a public base URL → SOLEUS_SERVER_CONFIG (aud could not be checked)', () => {
    const file = JSON.stringify({
      auth: { issuers: [{ iss: 'https://ehr.example', jwks: { keys: [] } }] },
    });
    expect(() => loadServerConfig({ SOLEUS_CONFIG: '/c.json' }, () => file)).toThrow(
      expect.objectContaining({
        code: 'SOLEUS_SERVER_CONFIG',
        issues: [
          expect.objectContaining({ message: expect.stringContaining('SOLEUS_PUBLIC_BASE_URL') }),
        ],
      }),
    );
  });

  it('reports every invalid setting at once', () => {
    expect(() =>
      loadServerConfig({ PORT: 'x', SOLEUS_EVALUATION_TIMEOUT_MS: '0' }, noFile),
    ).toThrow(expect.objectContaining({ issues: [expect.anything(), expect.anything()] }));
  });
});
