import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_CONTENT, loadValueSets, type RuleDefinition } from '@soleus/core';
import { type CliIo, CliUsageError, EXIT } from '../cli-io';
import { loadVignetteManifests } from '../docs/load-vignette-manifests';
import { renderCatalogueHtml } from '../docs/render-catalogue-html';
import { renderCatalogueMarkdown } from '../docs/render-catalogue-markdown';
import { buildRuleCatalogue } from '../docs/rule-catalogue';
import { loadRuleSetOrExplain } from '../load-rule-set-or-explain';
import { diffGeneratedDir, writeGeneratedDir } from '../docs/sync-generated-dir';
import { DEFAULT_VIGNETTE_DIR } from './test-command';

/** Where the repository keeps the generated rule reference, relative to the working directory. */
export const DEFAULT_DOCS_DIR = 'docs/reference/rules';

const HELP = `usage: soleus docs [--out <dir>] [--check] [--vignettes <dir>]
                   [--rules <dir>] [--facts <dir>] [--valuesets <dir>]

Renders the rule catalogue for clinical review: index.md, one <pack>.md per pack and index.html
(one static page, no external assets) into --out (default: ${DEFAULT_DOCS_DIR}). Each rule shows its
version, status, hooks, conditions in words, thresholds, value sets with their codes, card text,
evidence, notes and vignette cases (from --vignettes, default: ${DEFAULT_VIGNETTE_DIR}).
--check writes nothing and exits 1 when the directory is stale (for CI).
`;

/**
 * `soleus docs`: generates (or checks) the rule reference.
 * @param args - command arguments
 * @param io - output
 * @returns 0 written or up to date, 1 stale with --check
 * @throws {CliUsageError} on bad arguments or content that does not load (exit 2)
 */
export async function docsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const opts = parseOptions(args);
  if (opts.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const content = {
    rulesDir: opts.rules ? resolve(opts.rules) : DEFAULT_CONTENT.rulesDir,
    factsDir: opts.facts ? resolve(opts.facts) : DEFAULT_CONTENT.factsDir,
    valueSetsDir: opts.valuesets ? resolve(opts.valuesets) : DEFAULT_CONTENT.valueSetsDir,
  };
  const ruleSet = await loadRuleSetOrExplain(content);
  const vignettes = await loadVignetteManifests(resolve(opts.vignettes ?? DEFAULT_VIGNETTE_DIR));
  const catalogue = buildRuleCatalogue(
    ruleSet,
    loadValueSets(content.valueSetsDir).valueSets,
    vignettes,
    (rule) => JSON.parse(readFileSync(join(content.rulesDir, rule.file), 'utf8')) as RuleDefinition,
  );
  const files = renderCatalogueMarkdown(catalogue, ruleSet.facts);
  files.set('index.html', renderCatalogueHtml(catalogue, ruleSet.facts));
  const out = resolve(opts.out ?? DEFAULT_DOCS_DIR);
  const drift = opts.check ? diffGeneratedDir(out, files) : writeGeneratedDir(out, files);
  const changed = [
    ...drift.stale.map((f) => `stale   ${f}`),
    ...drift.missing.map((f) => `missing ${f}`),
    ...drift.extra.map((f) => `extra   ${f}`),
  ];
  if (!opts.check) {
    io.stdout(
      `wrote ${files.size} file(s) to ${out}${changed.length > 0 ? `, ${changed.length} changed` : ', unchanged'}\n`,
    );
    return EXIT.ok;
  }
  if (changed.length === 0) {
    io.stdout(`ok: ${out} is up to date\n`);
    return EXIT.ok;
  }
  io.stdout(
    `${changed.join('\n')}\n${out} is stale: run \`soleus docs --out ${opts.out ?? DEFAULT_DOCS_DIR}\` and commit\n`,
  );
  return EXIT.problems;
}

function parseOptions(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      options: {
        out: { type: 'string' },
        check: { type: 'boolean' },
        vignettes: { type: 'string' },
        rules: { type: 'string' },
        facts: { type: 'string' },
        valuesets: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new CliUsageError(`${(err as Error).message}\n${HELP}`);
  }
}
