/**
 * Runs every clinical vignette (test/vignettes/<rule-id>/manifest.json) through `soleus evaluate`, the
 * same command integrators and the external acceptance suite use, and validates every response against
 * the CDS Hooks response schema.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  checkVignetteCase,
  findVignetteManifests,
  otherCardId,
  parseVignetteManifest,
  runVignetteCase,
  type VignetteCard,
  type VignetteCase,
  type VignetteManifest,
} from '@soleus/cli';
import { validateCdsResponse } from '../src/cds-hooks/validate-cds-response';

const root = join(__dirname, 'vignettes');
const folders = findVignetteManifests(root).map((file) => basename(dirname(file)));

async function evaluateCase(
  dir: string,
  manifest: VignetteManifest,
  c: VignetteCase,
): Promise<readonly VignetteCard[]> {
  const { code, stderr: err, response } = await runVignetteCase(dir, manifest, c);
  expect({ code, err }).toEqual({ code: 0, err: '' });
  expect(validateCdsResponse(response)).toEqual([]);
  return response?.cards ?? [];
}

describe.each(folders)('vignettes %s', (folder) => {
  const dir = join(root, folder);
  const file = join(dir, 'manifest.json');
  const manifest = parseVignetteManifest(JSON.parse(readFileSync(file, 'utf8')), file);

  it('has at least one firing and one silent case', () => {
    expect(manifest.cases.some((c) => c.expect.fires === true)).toBe(true);
    expect(manifest.cases.some((c) => c.expect.fires === false)).toBe(true);
  });

  it.each(manifest.cases.map((c) => [c.desc, c] as const))('%s', async (_desc, c) => {
    const cards = await evaluateCase(dir, manifest, c);
    const ids = cards.map((card) => card.source.topic?.code);
    const own = cards.find((card) => card.source.topic?.code === manifest.rule);
    if (c.expect.fires !== undefined) {
      expect({ rule: manifest.rule, fired: own !== undefined, cards: ids }).toEqual({
        rule: manifest.rule,
        fired: c.expect.fires,
        cards: ids,
      });
    }
    if (c.expect.indicator !== undefined) {
      expect(own?.indicator).toBe(c.expect.indicator);
    }
    for (const id of c.expect.mustNot ?? []) {
      expect(ids).not.toContain(id);
    }
    for (const entry of c.expect.alsoFires ?? []) {
      expect(ids).toContain(otherCardId(entry));
    }
    if (c.expect.exact !== false) {
      // Exact by default: no card beyond the rule's own (when it fires) and the listed others.
      const expected = [
        ...(c.expect.fires === true ? [manifest.rule] : []),
        ...(c.expect.alsoFires ?? []).map(otherCardId),
      ];
      expect([...ids].sort()).toEqual([...new Set(expected)].sort());
    }
    if (c.expect.summaryIncludes !== undefined) {
      expect(own?.summary).toContain(c.expect.summaryIncludes);
    }
    if (c.expect.detailIncludes !== undefined) {
      expect(own?.detail).toContain(c.expect.detailIncludes);
    }
    for (const unwanted of c.expect.detailExcludes ?? []) {
      expect(own?.detail ?? '').not.toContain(unwanted);
    }
    // The same verdict `soleus test` prints, so the CLI and this suite cannot disagree.
    expect(checkVignetteCase(manifest.rule, c.expect, cards)).toEqual([]);
  });
});
