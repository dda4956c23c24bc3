/**
 * GENERATED FILE - DO NOT EDIT. Source: packages/core/schema/pack.schema.json
 * Regenerate with `pnpm generate`; CI fails when this file drifts from the schema.
 */

/**
 * pack.json: the manifest of one rule pack (a directory of *.rule.json files).
 */
export interface PackManifest {
  /**
   * Path or URL of this schema.
   */
  $schema?: string;
  /**
   * Pack id that rules name in their `pack` property.
   */
  id: string;
  /**
   * Human name, e.g. 'Rule set A: DVT must be excluded first'.
   */
  title: string;
  /**
   * Semantic version of the pack as a whole.
   */
  version: string;
  /**
   * Rank of the pack within an indicator level: 1 = rule set A, 2 = B, 3 = C.
   */
  order: number;
  /**
   * What the pack covers.
   */
  description?: string;
  /**
   * CommonJS modules (paths relative to the pack directory, inside it, ending .cjs) that export `mechanisms`: name → { compute, requires?, checkParams? }. For site packs; see docs/guides/site-packs.md. The mechanism code runs in the service: review it like any dependency.
   */
  mechanisms?: string[];
  /**
   * Clinical parameters the pack's fact derivations read (windows, cutoffs, dose limits), owned by informaticists. Each key is documented in the pack's README.
   */
  parameters?: {};
}
