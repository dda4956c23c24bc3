import { isAcceptableJku } from './is-acceptable-jku';

describe('isAcceptableJku', () => {
  it.each<[unknown, boolean]>([
    ['https://ehr.example.org/.well-known/jwks.json', true],
    ['https://127.0.0.1/jwks', true],
    ['http://localhost/jwks.json', true],
    ['http://LOCALHOST:4567/jwks.json', true],
    ['http://127.0.0.1:1/jwks.json', true],
    ['http://127.45.6.200/jwks', true],
    ['http://[::1]:8080/jwks', true],
    // Plain http anywhere else could be read or changed on the way.
    ['http://ehr.example.org/jwks.json', false],
    ['http://127.0.0.1.example.org/jwks', false],
    ['http://10.127.0.0.1/jwks', false],
    ['http://192.168.1.10/jwks', false],
    ['http://localhost.example.org/jwks', false],
    ['ftp://localhost/jwks', false],
    ['file:///etc/jwks.json', false],
    ['/jwks.json', false],
    ['not a url', false],
    ['', false],
    [undefined, false],
    [42, false],
    [{ href: 'https://ehr.example.org/jwks' }, false],
  ])('%p → %p', (value, expected) => {
    expect(isAcceptableJku(value)).toBe(expected);
  });
});
