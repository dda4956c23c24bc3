import { assertBindAllowed, isLoopbackHost } from './assert-bind-allowed';

describe('local mode bind guard', () => {
  it.each<[string, boolean]>([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['localhost', true],
    ['0.0.0.0', false],
    ['::', false],
    ['10.0.0.5', false],
    ['cds.example.org', false],
  ])('isLoopbackHost(%s) → %s', (host, want) => {
    expect(isLoopbackHost(host)).toBe(want);
  });

  it.each<[string, string, boolean, boolean, string | undefined]>([
    ['loopback without auth is allowed', '127.0.0.1', false, false, undefined],
    [
      'all interfaces without auth is refused',
      '0.0.0.0',
      false,
      false,
      'SOLEUS_SERVER_INSECURE_BIND',
    ],
    [
      'all interfaces without auth but the explicit insecure flag',
      '0.0.0.0',
      false,
      true,
      undefined,
    ],
    ['all interfaces with auth is allowed', '0.0.0.0', true, false, undefined],
  ])('%s', (_name, host, authenticated, insecure, code) => {
    const run = (): void => assertBindAllowed(host, authenticated, insecure);
    if (code) {
      expect(run).toThrow(expect.objectContaining({ code }));
    } else {
      expect(run).not.toThrow();
    }
  });
});
