import { captureLogs } from '../test/support/log-capture';
import { createLogger } from './create-logger';

describe('createLogger redaction', () => {
  it.each<[string, Record<string, unknown>, string]>([
    [
      'Authorization header of a logged request',
      { req: { headers: { authorization: 'Bearer eyJ.SECRET.sig' } } },
      'SECRET',
    ],
    [
      'fhirAuthorization of a logged body',
      { body: { fhirAuthorization: { access_token: 'SECRET-AT' } } },
      'SECRET-AT',
    ],
    ['a bare access_token', { access_token: 'SECRET-AT2' }, 'SECRET-AT2'],
    [
      'a nested fhirAuthorization',
      { request: { fhirAuthorization: { access_token: 'SECRET-AT3' } } },
      'SECRET-AT3',
    ],
  ])('removes the %s', (_name, payload, secret) => {
    const logs = captureLogs();
    createLogger('info', logs.stream).info(payload, 'logged by mistake');
    expect(logs.text()).toContain('logged by mistake');
    expect(logs.text()).not.toContain(secret);
  });
});
