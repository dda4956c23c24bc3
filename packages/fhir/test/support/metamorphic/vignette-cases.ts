/**
 * Every case of every vignette manifest (packages/fhir/test/vignettes), loaded once as JSON so the
 * metamorphic suites can transform the bundles in memory and evaluate them in-process.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { findVignetteManifests, parseVignetteManifest } from '@soleus/cli';
import type { Hook } from '../../../src/evaluate/hooks';

/** One vignette case, ready to evaluate. */
export interface VignetteInput {
  /** `<folder>/<bundle>` — names the case in failure lists. */
  readonly name: string;
  readonly hook: Hook;
  readonly now: string;
  readonly bundle: unknown;
  readonly drafts?: unknown;
  readonly selections?: readonly string[];
  readonly patient?: string;
}

const ROOT = join(__dirname, '..', '..', 'vignettes');

/**
 * Loads every case of every manifest.
 * @returns the cases, in manifest order
 */
export function loadVignetteCases(): VignetteInput[] {
  return findVignetteManifests(ROOT).flatMap((file) => {
    const dir = dirname(file);
    const manifest = parseVignetteManifest(JSON.parse(readFileSync(file, 'utf8')), file);
    return manifest.cases.map((c) => ({
      name: `${relative(ROOT, dir)}/${c.bundle}${c.hook ? ` (${c.hook})` : ''}`,
      hook: (c.hook ?? manifest.hook) as Hook,
      now: c.now ?? manifest.now,
      bundle: readJson(join(dir, c.bundle)),
      ...(c.draftOrders ? { drafts: readJson(join(dir, c.draftOrders)) } : {}),
      ...(c.selections ? { selections: c.selections } : {}),
      ...(c.patient ? { patient: c.patient } : {}),
    }));
  });
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}
