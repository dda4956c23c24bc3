import { publicBaseUrlOf } from './public-base-url-of';

const AUTH = { issuers: [{ iss: 'https://ehr.example', jwks: { keys: [] } }] };

describe('publicBaseUrlOf', () => {
  it.each<[string, Parameters<typeof publicBaseUrlOf>[0], string | undefined]>([
    [
      'configured wins',
      { publicBaseUrl: 'https://cds.example', host: '127.0.0.1', port: 3000 },
      'https://cds.example',
    ],
    [
      'local mode on loopback: the listen address',
      { host: '127.0.0.1', port: 3000 },
      'http://127.0.0.1:3000',
    ],
    ['IPv6 loopback is bracketed', { host: '::1', port: 3000 }, 'http://[::1]:3000'],
    ['ephemeral port: unknown', { host: '127.0.0.1', port: 0 }, undefined],
    ['all interfaces: unknown', { host: '0.0.0.0', port: 3000 }, undefined],
    [
      'auth without a configured URL: unknown',
      { host: '127.0.0.1', port: 3000, auth: AUTH },
      undefined,
    ],
  ])('%s', (_name, config, expected) => {
    expect(publicBaseUrlOf(config).publicBaseUrl).toBe(expected);
  });
});
