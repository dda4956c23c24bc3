import { join } from 'node:path';
import { runVignetteCase, type VignetteContent } from '../vignettes/run-vignette-case';
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
 * Fills each rule's card from the first vignette case that expects it to fire, through `soleus
 * evaluate` like every vignette run, so informaticists review the text the clinician will read (dates,
 * units, "Based on" list and all) next to its template. Deterministic: each case has its own `now`.
 * @param catalogue - the rule catalogue (rules with their vignette manifests)
 * @param vignetteDir - the vignette tree the manifests came from
 * @param content - rule, fact and value-set directories replacing the bundled content
 * @returns rule id → example card; rules with no firing vignette have none
 */
export async function exampleCards(
  catalogue: RuleCatalogue,
  vignetteDir: string,
  content: VignetteContent,
): Promise<Map<string, ExampleCard>> {
  const examples = new Map<string, ExampleCard>();
  for (const { rules } of catalogue.packs) {
    for (const entry of rules) {
      const id = entry.rule.definition.id;
      for (const { folder, manifest } of entry.vignettes) {
        const c = manifest.cases.find((candidate) => candidate.expect.fires === true);
        const run = c
          ? await runVignetteCase(join(vignetteDir, folder), manifest, c, content)
          : undefined;
        const card = run?.response?.cards.find((k) => k.source.topic?.code === id);
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
