import { isSoleusError } from '@soleus/core';
import { loadServerConfig } from './load-server-config';

const noFile = (): string => {
  throw new Error('ENOENT');
};

const ISSUERS = [{ iss: 'https://ehr.example', jwks: { keys: [] } }];

/** The messages of the SOLEUS_SERVER_CONFIG error `run` throws. */
function problems(run: () => unknown): string[] {
  let caught: unknown;
  try {
    run();
  } catch (err) {
    caught = err;
  }
  expect(isSoleusError(caught) && caught.code).toBe('SOLEUS_SERVER_CONFIG');
  return isSoleusError(caught) ? caught.issues.map((i) => i.message) : [];
}

const withFile =
  (json: object) =>
  (env: Record<string, string> = {}) =>
    loadServerConfig({ SOLEUS_CONFIG: '/etc/soleus.json', ...env }, () => JSON.stringify(json));

describe('loadServerConfig', () => {
  it("defaults: the schema's, port 3000 on loopback, no auth, in-memory feedback, info logs", () => {
    expect(loadServerConfig({}, noFile)).toEqual({
      port: 3000,
      host: '127.0.0.1',
      allowInsecureBind: false,
      bodyLimitBytes: 10_485_760,
      evaluationTimeoutMs: 4000,
      prefetchTimeoutMs: 3000,
      prefetchMaxBytes: 20_971_520,
      requestTimeoutMs: 30_000,
      headersTimeoutMs: 10_000,
      corsOrigins: [],
      logLevel: 'info',
    });
  });

  it('reads the boundary limits: prefetch byte cap and the client timeouts', () => {
    const config = withFile({ requestTimeoutMs: 20_000 })({
      SOLEUS_PREFETCH_MAX_BYTES: '1048576',
      SOLEUS_HEADERS_TIMEOUT_MS: '5000',
    });
    expect(config).toMatchObject({
      prefetchMaxBytes: 1_048_576,
      requestTimeoutMs: 20_000,
      headersTimeoutMs: 5000,
    });
    expect(problems(() => loadServerConfig({ SOLEUS_REQUEST_TIMEOUT_MS: '0' }, noFile))).toEqual([
      expect.stringContaining('SOLEUS_REQUEST_TIMEOUT_MS'),
    ]);
  });

  it('the Wells app client id comes from SOLEUS_SMART_CLIENT_ID or the file, and is checked', () => {
    expect(loadServerConfig({ SOLEUS_SMART_CLIENT_ID: 'epic-1234' }, noFile).smartClientId).toBe(
      'epic-1234',
    );
    const file = (): string => JSON.stringify({ smartClientId: 'from-file' });
    expect(loadServerConfig({ SOLEUS_CONFIG: '/c.json' }, file).smartClientId).toBe('from-file');
    expect(() => loadServerConfig({ SOLEUS_SMART_CLIENT_ID: 'has space' }, noFile)).toThrow(
      /SOLEUS_SMART_CLIENT_ID: expected a value like "soleus-wells"; found "has space"/,
    );
  });

  it('environment wins over the file, the file over defaults', () => {
    const config = withFile({
      port: 4000,
      host: '0.0.0.0',
      publicBaseUrl: 'https://file.example',
      evaluationTimeoutMs: 1500,
      auth: { issuers: ISSUERS, clockSkewSeconds: 30 },
    })({
      PORT: '8080',
      SOLEUS_PUBLIC_BASE_URL: 'https://env.example',
      SOLEUS_CORS_ORIGINS: 'https://a.example, https://b.example',
      SOLEUS_BODY_LIMIT_BYTES: '2048',
      SOLEUS_FEEDBACK_FILE: '/var/lib/soleus/feedback.jsonl',
      SOLEUS_ALLOW_INSECURE_BIND: 'true',
      SOLEUS_AUTH_MAX_TOKEN_LIFETIME_SECONDS: '600',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      publicBaseUrl: 'https://env.example',
      corsOrigins: ['https://a.example', 'https://b.example'],
      bodyLimitBytes: 2048,
      evaluationTimeoutMs: 1500,
      feedbackFile: '/var/lib/soleus/feedback.jsonl',
      allowInsecureBind: true,
      // Nested sections merge key by key: the file's skew stays, the variable adds the lifetime.
      auth: { issuers: ISSUERS, clockSkewSeconds: 30, maxTokenLifetimeSeconds: 600 },
    });
  });

  it('structured and boolean variables: JSON arrays, yes/no, database pool bounds', () => {
    const config = loadServerConfig(
      {
        SOLEUS_PUBLIC_BASE_URL: 'https://cds.example',
        SOLEUS_AUTH_ISSUERS: JSON.stringify(ISSUERS),
        SOLEUS_AUTH_ALGORITHMS: 'ES384',
        SOLEUS_DEMO: 'no',
        SOLEUS_DATABASE_URL: 'postgres://soleus@db/soleus',
        SOLEUS_DATABASE_POOL_MAX: '4',
        SOLEUS_CONTENT_RULES_DIR: '/srv/rules',
      },
      noFile,
    );
    expect(config).toMatchObject({
      auth: { issuers: ISSUERS, algorithms: ['ES384'] },
      demo: false,
      database: { url: 'postgres://soleus@db/soleus', poolMax: 4, connectionTimeoutMs: 2000 },
      content: { rulesDir: '/srv/rules' },
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
    ['non-numeric PORT', { PORT: 'eighty' }, 'PORT: expected an integer; found "eighty"'],
    ['port out of range', { PORT: '70000' }, 'PORT: expected a number ≤ 65535; found 70000'],
    [
      'negative body limit',
      { SOLEUS_BODY_LIMIT_BYTES: '-1' },
      'SOLEUS_BODY_LIMIT_BYTES: expected a number ≥ 1; found -1',
    ],
    [
      'unknown log level, with a suggestion',
      { SOLEUS_LOG_LEVEL: 'INFO' },
      'SOLEUS_LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent (did you mean "info"?)',
    ],
    [
      'relative public base URL',
      { SOLEUS_PUBLIC_BASE_URL: 'cds.example' },
      'SOLEUS_PUBLIC_BASE_URL: expected a value like "https://cds.example.org"; found "cds.example"',
    ],
    [
      'a boolean that is not one',
      { SOLEUS_ALLOW_INSECURE_BIND: 'sure' },
      'SOLEUS_ALLOW_INSECURE_BIND: expected a boolean; found "sure"',
    ],
    [
      'a JSON variable that is not JSON',
      { SOLEUS_AUTH_ISSUERS: '{not json' },
      'SOLEUS_AUTH_ISSUERS: expected a JSON array; found text that does not parse as JSON',
    ],
    [
      'a misspelt variable',
      { SOLEUS_FEEDBAK_FILE: '/tmp/f.jsonl' },
      'SOLEUS_FEEDBAK_FILE: expected a known setting (did you mean "SOLEUS_FEEDBACK_FILE"?); found an unknown variable',
    ],
    [
      'a database setting without the URL',
      { SOLEUS_DATABASE_POOL_MAX: '3' },
      'database.url (or SOLEUS_DATABASE_URL): expected a value (required); found nothing',
    ],
    [
      'unreadable config file',
      { SOLEUS_CONFIG: '/nope.json' },
      'SOLEUS_CONFIG (/nope.json): expected a readable JSON file; found no readable file',
    ],
  ])('%s → SOLEUS_SERVER_CONFIG naming the setting', (_name, env, message) => {
    expect(problems(() => loadServerConfig(env, noFile))).toEqual([
      expect.stringContaining(message),
    ]);
  });

  it('file: unknown keys at any depth and wrong types, each with the file, the key and a suggestion', () => {
    const load = withFile({
      feedbackfile: '/var/lib/soleus/feedback.jsonl',
      port: 'abc',
      database: { url: 'postgres://db/soleus', poolmax: 3 },
      content: { rulesdir: '/srv/rules' },
    });
    expect(problems(() => load())).toEqual([
      '/etc/soleus.json feedbackfile: expected a known setting (did you mean "feedbackFile"?); found an unknown key',
      '/etc/soleus.json port: expected an integer; found "abc"',
      '/etc/soleus.json database.poolmax: expected a known setting (did you mean "poolMax"?); found an unknown key',
      '/etc/soleus.json content.rulesdir: expected a known setting (did you mean "rulesDir"?); found an unknown key',
    ]);
  });

  it('a key inside a JSON variable is named by the variable and its path', () => {
    const issuers = JSON.stringify([
      { iss: 'https://ehr.example', jwks: { keys: [] }, tenant: [] },
    ]);
    expect(
      problems(() =>
        loadServerConfig(
          { SOLEUS_AUTH_ISSUERS: issuers, SOLEUS_PUBLIC_BASE_URL: 'https://cds.example' },
          noFile,
        ),
      ),
    ).toEqual([
      'SOLEUS_AUTH_ISSUERS auth.issuers[0].tenant: expected a known setting (did you mean "tenants"?); found an unknown key',
    ]);
  });

  it('never echoes the database URL: it holds the password', () => {
    const messages = problems(() =>
      loadServerConfig({ SOLEUS_DATABASE_URL: 'mysql://soleus:hunter2@db/soleus' }, noFile),
    );
    expect(messages).toEqual([
      'SOLEUS_DATABASE_URL: expected a value like "postgres://soleus:secret@db.internal:5432/soleus"; found a value (hidden: it is a secret)',
    ]);
    const inFile = problems(() => withFile({ database: 'postgres://soleus:hunter2@db/x' })());
    expect(inFile.join(' ')).not.toContain('hunter2');
  });

  it('an invalid JSON file is reported by position, never by its text', () => {
    const messages = problems(() =>
      loadServerConfig(
        { SOLEUS_CONFIG: '/c.json' },
        () => '{"database": {"url": "postgres://u:hunter2@h/d",}}',
      ),
    );
    expect(messages).toEqual([
      expect.stringContaining(
        'SOLEUS_CONFIG (/c.json): expected a readable JSON file; found invalid JSON',
      ),
    ]);
    expect(messages.join(' ')).not.toContain('hunter2');
  });

  it("the repository's tool variables (SOLEUS_TEST_*, SOLEUS_CHROMIUM) are not settings", () => {
    expect(() =>
      loadServerConfig(
        { SOLEUS_TEST_DATABASE_URL: 'postgres://x/y', SOLEUS_CHROMIUM: '/usr/bin/chromium' },
        noFile,
      ),
    ).not.toThrow();
  });

  it.each<[string, object, string]>([
    [
      'auth without a public base URL (aud could not be checked)',
      { auth: { issuers: ISSUERS } },
      'SOLEUS_PUBLIC_BASE_URL (publicBaseUrl): expected the base URL the EHR calls',
    ],
    [
      'both a feedback file and a database',
      { feedbackFile: '/f.jsonl', database: { url: 'postgres://db/soleus' } },
      'SOLEUS_FEEDBACK_FILE (feedbackFile): expected no feedback file when a database is configured',
    ],
    [
      'an issuer with no keys (checked once the auth section has the right shape)',
      { publicBaseUrl: 'https://cds.example', auth: { issuers: [{ iss: 'https://ehr.example' }] } },
      'auth.issuers[0]: expected a "jwks" or a "jkuAllowList"',
    ],
  ])('%s → SOLEUS_SERVER_CONFIG', (_name, file, message) => {
    expect(problems(() => withFile(file)())).toEqual([expect.stringContaining(message)]);
  });

  it('reports every problem at once, from the file and the environment', () => {
    const messages = problems(() =>
      withFile({ port: 'x', logLevel: 'loud' })({
        SOLEUS_EVALUATION_TIMEOUT_MS: '0',
        SOLEUS_NOPE: '1',
      }),
    );
    expect(messages).toHaveLength(4);
  });
});
