import { compactJson } from './explain-evaluation';

describe('compactJson', () => {
  it.each([
    [
      'drops null, empty strings, arrays and objects (CDS Hooks REQ 3)',
      { a: null, b: '', c: [], d: {}, e: 1 },
      { e: 1 },
    ],
    ['keeps false and 0', { f: false, z: 0 }, { f: false, z: 0 }],
    ['prunes nested empties and empty results', { x: { y: [null, {}] } }, undefined],
    ['keeps array order', [3, null, 1], [3, 1]],
  ])('%s', (_name, given, want) => {
    expect(compactJson(given)).toEqual(want);
  });
});
