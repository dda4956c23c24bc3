import fc from 'fast-check';
import { sameJson } from './same-json';

describe('sameJson', () => {
  it.each<[string, unknown, unknown, boolean]>([
    [
      'equal nested objects',
      { a: [1, { b: 'x' }], c: null },
      { a: [1, { b: 'x' }], c: null },
      true,
    ],
    ['a different leaf', { a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] }, false],
    ['the same keys in another order', { a: 1, b: 2 }, { b: 2, a: 1 }, false],
    ['an extra key', { a: 1 }, { a: 1, b: 2 }, false],
    ['arrays of different length', [1, 2], [1, 2, 3], false],
    ['an array against an object', [], {}, false],
    ['null against an object', null, {}, false],
    ['a number against its text', 1, '1', false],
  ])('%s', (_name, a, b, want) => {
    expect(sameJson(a, b)).toBe(want);
    expect(sameJson(b, a)).toBe(want);
  });

  it('agrees with comparing JSON texts on parsed JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const [x, y] = [JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b))];
        expect(sameJson(x, y)).toBe(JSON.stringify(x) === JSON.stringify(y));
        expect(sameJson(x, JSON.parse(JSON.stringify(x)))).toBe(true);
      }),
      { seed: 17, numRuns: 500 },
    );
  });
});
