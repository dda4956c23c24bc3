import { checkAuthConfig } from './check-auth-config';

const KEYS = { keys: [{ kty: 'EC', kid: 'k1' }] };

describe('checkAuthConfig', () => {
  it.each<[string, unknown, string[]]>([
    ['absent (local mode)', undefined, []],
    ['static JWKS issuer', { issuers: [{ iss: 'https://ehr.example', jwks: KEYS }] }, []],
    [
      'jku issuer',
      { issuers: [{ iss: 'https://ehr.example', jkuAllowList: ['https://ehr.example/jwks'] }] },
      [],
    ],
    ['no issuers', { issuers: [] }, ['auth.issuers: expected a non-empty array']],
    [
      'issuer without iss',
      { issuers: [{ jwks: KEYS }] },
      ['auth.issuers[0].iss: expected the exact iss'],
    ],
    [
      'issuer without keys',
      { issuers: [{ iss: 'https://ehr.example' }] },
      ['auth.issuers[0]: expected a "jwks" or a "jkuAllowList"'],
    ],
    [
      'jwks not a key set',
      { issuers: [{ iss: 'x', jwks: [] }] },
      ['auth.issuers[0].jwks: expected a JWK Set'],
    ],
    [
      'plain-http jku on a network host',
      { issuers: [{ iss: 'x', jkuAllowList: ['http://ehr.example/jwks'] }] },
      [
        'auth.issuers[0].jkuAllowList: expected an array of absolute https URLs (http only for loopback',
      ],
    ],
    [
      'http jku on loopback (a local Inferno run)',
      {
        issuers: [
          {
            iss: 'http://localhost/custom/crd_server',
            jkuAllowList: [
              'http://localhost/custom/crd_server/jwks.json',
              'http://127.0.0.1:4567/custom/crd_server/jwks.json',
              'http://[::1]:8080/jwks.json',
            ],
          },
        ],
      },
      [],
    ],
    [
      'a look-alike of a loopback host',
      { issuers: [{ iss: 'x', jkuAllowList: ['http://localhost.evil.example/jwks'] }] },
      ['auth.issuers[0].jkuAllowList'],
    ],
  ])('%s', (_name, auth, messages) => {
    const issues = checkAuthConfig(auth);
    expect(issues.map((i) => i.code)).toEqual(messages.map(() => 'SOLEUS_SERVER_CONFIG'));
    issues.forEach((i, k) => expect(i.message).toContain(messages[k]));
  });
});
