/**
 * Runs every clinical vignette (test/vignettes/<rule-id>/manifest.json) through `soleus evaluate`, the
 * same command integrators and the external acceptance suite use, and validates every response against
 * the CDS Hooks response schema.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '@soleus/cli';
import { validateCdsResponse } from '../src/cds-hooks/validate-cds-response';

interface VignetteCase {
  readonly desc: string;
  readonly bundle: string;
  readonly hook?: string;
  readonly now?: string;
  readonly draftOrders?: string;
  readonly selections?: readonly string[];
  readonly expect: {
    readonly fires?: boolean;
    readonly indicator?: string;
    readonly mustNot?: readonly string[];
    readonly alsoFires?: readonly string[];
    readonly summaryIncludes?: string;
    readonly detailIncludes?: string;
  };
}
interface Manifest {
  readonly rule: string;
  readonly hook: string;
  readonly now: string;
  readonly cases: readonly VignetteCase[];
}
interface Card {
  readonly summary: string;
  readonly detail?: string;
  readonly indicator: string;
  readonly source: { readonly topic?: { readonly code: string } };
}

const root = join(__dirname, 'vignettes');
const folders = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'manifest.json')))
  .map((d) => d.name);

async function evaluateCase(dir: string, manifest: Manifest, c: VignetteCase): Promise<Card[]> {
  const args = [
    'evaluate',
    '--hook',
    c.hook ?? manifest.hook,
    '--bundle',
    join(dir, c.bundle),
    '--now',
    c.now ?? manifest.now,
  ];
  if (c.draftOrders) {
    args.push('--draft-orders', join(dir, c.draftOrders));
  }
  if (c.selections) {
    args.push('--selections', c.selections.join(','));
  }
  let out = '';
  let err = '';
  const code = await runCli(args, {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => manifest.now,
  });
  expect({ code, err }).toEqual({ code: 0, err: '' });
  const response = JSON.parse(out) as { cards: Card[] };
  expect(validateCdsResponse(response)).toEqual([]);
  return response.cards;
}

describe.each(folders)('vignettes %s', (folder) => {
  const dir = join(root, folder);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

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
    for (const id of c.expect.alsoFires ?? []) {
      expect(ids).toContain(id);
    }
    if (c.expect.summaryIncludes !== undefined) {
      expect(own?.summary).toContain(c.expect.summaryIncludes);
    }
    if (c.expect.detailIncludes !== undefined) {
      expect(own?.detail).toContain(c.expect.detailIncludes);
    }
  });
});
