/**
 * The compiled evaluator against json-rules-engine on real fact sets: the facts of every clinical
 * vignette (the cases that make each shipped rule fire and stay silent, edges included), evaluated with
 * and without draft rules, must give deep-equal EvaluationResults (every rule, variant, suggestion,
 * suppression, leaf trace and issue). Complements the random differential test in packages/core.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { findVignetteManifests, parseVignetteManifest } from '@soleus/cli';
import {
  DEFAULT_CONTENT,
  evaluate,
  evaluateReference,
  loadRuleSetSync,
  type EvaluateOptions,
  type Hook,
} from '@soleus/core';
import { bundleToFacts } from '../src/facts/bundle-to-facts';
import { recordFromBundle } from '../src/record/record-from-bundle';

const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
const readBundle = (file: string) => recordFromBundle(JSON.parse(readFileSync(file, 'utf8')), file);

const cases = findVignetteManifests(join(__dirname, 'vignettes')).flatMap((file) => {
  const manifest = parseVignetteManifest(JSON.parse(readFileSync(file, 'utf8')), file);
  return manifest.cases.map((c) => ({ dir: dirname(file), manifest, c }));
});

describe('compiled evaluator = json-rules-engine on every vignette', () => {
  it('covers the vignettes', () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  it.each(cases.map((v) => [`${v.manifest.rule}: ${v.c.desc}`, v] as const))(
    '%s',
    async (_name, { dir, manifest, c }) => {
      const hook = (c.hook ?? manifest.hook) as Hook;
      const now = c.now ?? manifest.now;
      const drafts = c.draftOrders
        ? readBundle(join(dir, c.draftOrders)).entries.map((e) => e.resource)
        : undefined;
      const { facts } = bundleToFacts(readBundle(join(dir, c.bundle)), {
        ruleSet,
        hook,
        now,
        ...(drafts ? { draftOrders: drafts } : {}),
        ...(c.selections ? { selections: c.selections } : {}),
      });
      for (const includeDrafts of [false, true]) {
        const options: EvaluateOptions = { now, hook, includeDrafts };
        const compiled = await evaluate(ruleSet, facts, options);
        const reference = await evaluateReference(ruleSet, facts, options);
        if (!isDeepStrictEqual(compiled, reference)) {
          expect(compiled).toStrictEqual(reference);
          throw new Error('the two results differ (node:util isDeepStrictEqual)');
        }
      }
    },
  );
});
