import { ReplayCache } from './replay-cache';

describe('ReplayCache', () => {
  it.each<[string, [string, number, number][], boolean[]]>([
    ['a new nonce is accepted', [['a', 2000, 1000]], [true]],
    [
      'the same nonce before expiry is a replay',
      [
        ['a', 2000, 1000],
        ['a', 2000, 1500],
      ],
      [true, false],
    ],
    [
      'the same nonce after expiry is accepted again',
      [
        ['a', 2000, 1000],
        ['a', 4000, 2500],
      ],
      [true, true],
    ],
    [
      'different nonces are independent',
      [
        ['a', 2000, 1000],
        ['b', 2000, 1000],
      ],
      [true, true],
    ],
  ])('%s', (_name, calls, want) => {
    const cache = new ReplayCache(10);
    expect(calls.map(([key, exp, now]) => cache.remember(key, exp, now))).toEqual(want);
  });

  it('stays bounded: the oldest nonce goes first when full', () => {
    const cache = new ReplayCache(2);
    cache.remember('a', 9000, 1000);
    cache.remember('b', 9000, 1000);
    cache.remember('c', 9000, 1000);
    expect(cache.size).toBe(2);
    expect(cache.remember('c', 9000, 1000)).toBe(false);
    expect(cache.remember('a', 9000, 1000)).toBe(true);
  });

  it('drops expired nonces before evicting live ones', () => {
    const cache = new ReplayCache(2);
    cache.remember('old', 1500, 1000);
    cache.remember('live', 9000, 1000);
    cache.remember('new', 9000, 2000);
    expect(cache.remember('live', 9000, 2000)).toBe(false);
  });
});
