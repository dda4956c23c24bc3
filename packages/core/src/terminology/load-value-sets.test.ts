import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadValueSets } from './load-value-sets';

const url = 'https://example.test/ValueSet/x';
const valid = {
  resourceType: 'ValueSet',
  url,
  compose: { include: [{ system: 'http://loinc.org', concept: [{ code: '1-8' }] }] },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'soleus-vs-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(files: Record<string, unknown>): void {
  for (const [name, json] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof json === 'string' ? json : JSON.stringify(json));
  }
}

describe('loadValueSets', () => {
  it('reads value sets in sub-directories and names them by relative path', () => {
    mkdirSync(join(dir, 'dvt'));
    write({ 'dvt/z.valueset.json': { ...valid, url: `${url}-z` }, 'a.valueset.json': valid });
    const loaded = loadValueSets(dir);
    expect(loaded.issues).toEqual([]);
    expect(loaded.valueSets.map((vs) => vs.url)).toEqual([url, `${url}-z`]);
    expect(loaded.files.get(`${url}-z`)).toBe('dvt/z.valueset.json');
  });

  it('reads *.valueset.json files in name order and ignores other files', () => {
    write({
      'b.valueset.json': { ...valid, url: `${url}-b` },
      'a.valueset.json': valid,
      'notes.json': { not: 'a value set' },
    });
    const loaded = loadValueSets(dir);
    expect(loaded.issues).toEqual([]);
    expect(loaded.valueSets.map((vs) => vs.url)).toEqual([url, `${url}-b`]);
    expect(loaded.files.get(url)).toBe('a.valueset.json');
  });

  it.each([
    ['not JSON', '{ nope', 'SOLEUS_VALUESET_INVALID', ''],
    [
      'wrong resourceType',
      { ...valid, resourceType: 'CodeSystem' },
      'SOLEUS_VALUESET_INVALID',
      '/resourceType',
    ],
    ['no url', { ...valid, url: undefined }, 'SOLEUS_VALUESET_INVALID', '/url'],
    ['no concepts', { resourceType: 'ValueSet', url }, 'SOLEUS_VALUESET_INVALID', ''],
    [
      'include concept without system',
      { resourceType: 'ValueSet', url, compose: { include: [{ concept: [{ code: 'a' }] }] } },
      'SOLEUS_VALUESET_INVALID',
      '/compose/include/0/system',
    ],
    [
      'expansion code without code',
      { resourceType: 'ValueSet', url, expansion: { contains: [{ system: 's' }] } },
      'SOLEUS_VALUESET_INVALID',
      '/expansion/contains/0/code',
    ],
  ])('reports %s as %s at its pointer and loads nothing', (_name, json, code, pointer) => {
    write({ 'bad.valueset.json': json, 'good.valueset.json': { ...valid, url: `${url}-good` } });
    const loaded = loadValueSets(dir);
    expect(loaded.valueSets).toEqual([]);
    expect(loaded.issues.map((i) => [i.code, i.location?.file, i.location?.pointer])).toEqual([
      [code, 'bad.valueset.json', pointer],
    ]);
  });

  it('reports a duplicate url as SOLEUS_VALUESET_DUPLICATE on the second file', () => {
    write({ 'a.valueset.json': valid, 'b.valueset.json': valid });
    const loaded = loadValueSets(dir);
    expect(loaded.valueSets).toEqual([]);
    expect(loaded.issues).toEqual([
      expect.objectContaining({
        code: 'SOLEUS_VALUESET_DUPLICATE',
        location: { file: 'b.valueset.json', pointer: '/url' },
        message: expect.stringContaining('a.valueset.json') as unknown,
      }),
    ]);
  });

  it('reports a duplicate id (a lookup key too) on the second file', () => {
    write({
      'a.valueset.json': { ...valid, id: 'x' },
      'b.valueset.json': { ...valid, id: 'x', url: `${url}-b` },
    });
    const loaded = loadValueSets(dir);
    expect(loaded.valueSets).toEqual([]);
    expect(loaded.issues.map((i) => [i.code, i.location?.file, i.location?.pointer])).toEqual([
      ['SOLEUS_VALUESET_DUPLICATE', 'b.valueset.json', '/id'],
    ]);
  });

  it('reports a missing directory instead of throwing', () => {
    const loaded = loadValueSets(join(dir, 'missing'));
    expect(loaded.issues.map((i) => i.code)).toEqual(['SOLEUS_VALUESET_INVALID']);
  });
});
