import { join } from 'node:path';
import type { RuleSet } from '@soleus/core';
import { evaluateRecord, recordFromBundle } from '@soleus/fhir';
import { parseHookOption } from '../parse-hook-option';
import { readJsonFile } from '../read-json-file';
import type { VignetteCase, VignetteManifest } from '../vignettes/vignette-manifest';
import type { RuleCatalogue } from './rule-catalogue';

/** A card as a clinician will read it, filled from a vignette. */
export interface ExampleCard {
  /** The vignette case it came from: folder, bundle and description. */
  readonly from: string;
  readonly summary: string;
  readonly detail: string;
  readonly suggestions: readonly string[];
}

/**
 * Fills each rule's card from the first vignette case that expects it to fire, evaluated exactly as
 * `soleus evaluate` does (same record reading, hook, now, drafts and selections) with the rule set
 * the catalogue shows, so informaticists review the text the clinician will read (dates, units,
 * "Based on" list and all) next to its template. Deterministic: each case has its own `now`.
 * @param catalogue - the rule catalogue (rules with their vignette manifests)
 * @param ruleSet - the rule set the catalogue was built from
 * @param vignetteDir - the vignette tree the manifests came from
 * @returns rule id → example card; rules with no firing vignette have none
 */
export async function exampleCards(
  catalogue: RuleCatalogue,
  ruleSet: RuleSet,
  vignetteDir: string,
): Promise<Map<string, ExampleCard>> {
  const examples = new Map<string, ExampleCard>();
  for (const { rules } of catalogue.packs) {
    for (const entry of rules) {
      const id = entry.rule.definition.id;
      for (const { folder, manifest } of entry.vignettes) {
        const c = manifest.cases.find((candidate) => candidate.expect.fires === true);
        const cards = c ? await evaluateCase(ruleSet, join(vignetteDir, folder), manifest, c) : [];
        const card = cards.find((k) => k.source.topic?.code === id);
        if (c && card) {
          examples.set(id, {
            from: `${folder}/${c.bundle}: ${c.desc}`,
            summary: card.summary,
            detail: card.detail ?? '',
            suggestions: (card.suggestions ?? []).map((s) => s.label),
          });
          break;
        }
      }
    }
  }
  return examples;
}

async function evaluateCase(
  ruleSet: RuleSet,
  dir: string,
  manifest: VignetteManifest,
  c: VignetteCase,
) {
  const record = recordFromBundle(await readJsonFile(join(dir, c.bundle), 'bundle'), 'bundle');
  const drafts = c.draftOrders
    ? recordFromBundle(await readJsonFile(join(dir, c.draftOrders), 'draft orders'), 'draftOrders')
    : undefined;
  const outcome = await evaluateRecord(record, {
    ruleSet,
    hook: parseHookOption(c.hook ?? manifest.hook),
    now: c.now ?? manifest.now,
    ...(drafts ? { draftOrders: drafts.entries.map((e) => e.resource) } : {}),
    ...(c.selections ? { selections: c.selections } : {}),
  });
  return outcome.response.cards;
}
