import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { loadValueSets, type RuleDefinition } from '@soleus/core';
import { type CliIo, CliUsageError, EXIT } from '../cli-io';
import { loadVignetteManifests } from '../docs/load-vignette-manifests';
import { renderCatalogueHtml } from '../docs/render-catalogue-html';
import { renderCatalogueMarkdown } from '../docs/render-catalogue-markdown';
import { exampleCards } from '../docs/example-cards';
import { buildRuleCatalogue, type RuleCatalogue } from '../docs/rule-catalogue';
import { contentDirsFrom } from '../content-dirs-from-options';
import { loadRuleSetOrExplain } from '../load-rule-set-or-explain';
import {
  diffGeneratedDir,
  writeGeneratedDir,
  type GeneratedDrift,
} from '../docs/sync-generated-dir';
import { DEFAULT_VIGNETTE_DIR } from './test-command';
import { CONTENT_OPTIONS, parseCliArgs } from '../parse-cli-args';

/** Where the repository keeps the generated rule reference, relative to the working directory. */
export const DEFAULT_DOCS_DIR = 'docs/reference/rules';

const HELP = `usage: soleus docs [--out <dir>] [--check] [--vignettes <dir>]
                   [--rules <dir>] [--facts <dir>] [--valuesets <dir>] [--pack <dir|npm-package>]...

Renders the rule catalogue for clinical review: index.md, one <pack>.md per pack and index.html
(one static page, no external assets) into --out (default: ${DEFAULT_DOCS_DIR}). Each rule shows its
version, status, hooks, conditions in words, thresholds, value sets with their codes, card text and an
example card filled from its first firing vignette (as the clinician reads it), evidence, notes and
vignette cases (from --vignettes, default: ${DEFAULT_VIGNETTE_DIR}).
--check writes nothing and exits 1 when the directory is stale (for CI), 2 when it does not exist.
--pack adds a site pack (a directory, or an installed npm package) on top of the rules; repeatable.
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
  const content = contentDirsFrom(opts);
  const ruleSet = await loadRuleSetOrExplain(content);
  const vignetteDir = resolve(opts.vignettes ?? DEFAULT_VIGNETTE_DIR);
  const vignettes = await loadVignetteManifests(vignetteDir);
  const built = buildRuleCatalogue(
    ruleSet,
    loadValueSets(
      content.valueSetsDir,
      content.packDirs.map((dir) => ({ dir: join(dir, 'valuesets'), label: basename(dir) })),
    ).valueSets,
    vignettes,
    (rule) => JSON.parse(readFileSync(rule.path, 'utf8')) as RuleDefinition,
  );
  const examples = await exampleCards(built, ruleSet, vignetteDir);
  const catalogue: RuleCatalogue = {
    ...built,
    packs: built.packs.map(({ pack, rules, tables }) => ({
      pack,
      tables,
      rules: rules.map((r) => {
        const example = examples.get(r.rule.definition.id);
        return example ? { ...r, example } : r;
      }),
    })),
  };
  const files = renderCatalogueMarkdown(catalogue, ruleSet.facts);
  files.set('index.html', renderCatalogueHtml(catalogue, ruleSet.facts));
  const out = resolve(opts.out ?? DEFAULT_DOCS_DIR);
  if (opts.check && !existsSync(out)) {
    throw new CliUsageError(
      `${opts.out ?? DEFAULT_DOCS_DIR} is not under ${process.cwd()}: pass --out <dir> with the generated reference, or run from the Soleus repository root`,
    );
  }
  const drift = opts.check ? diffGeneratedDir(out, files) : writeGeneratedDir(out, files);
  return reportDrift(io, drift, opts.check === true, { out, files: files.size, asGiven: opts.out });
}

function reportDrift(
  io: CliIo,
  drift: GeneratedDrift,
  check: boolean,
  where: { readonly out: string; readonly files: number; readonly asGiven: string | undefined },
): number {
  const changed = [
    ...drift.stale.map((f) => `stale   ${f}`),
    ...drift.missing.map((f) => `missing ${f}`),
    ...drift.extra.map((f) => `extra   ${f}`),
  ];
  if (!check) {
    const what = changed.length > 0 ? `${changed.length} changed` : 'unchanged';
    io.stdout(`wrote ${where.files} file(s) to ${where.out}, ${what}\n`);
    return EXIT.ok;
  }
  if (changed.length === 0) {
    io.stdout(`ok: ${where.out} is up to date\n`);
    return EXIT.ok;
  }
  const again = `soleus docs --out ${where.asGiven ?? DEFAULT_DOCS_DIR}`;
  io.stdout(`${changed.join('\n')}\n${where.out} is stale: run \`${again}\` and commit\n`);
  return EXIT.problems;
}

function parseOptions(args: readonly string[]) {
  return parseCliArgs(
    {
      options: {
        out: { type: 'string' },
        check: { type: 'boolean' },
        vignettes: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...CONTENT_OPTIONS,
      },
      strict: true,
      allowPositionals: false,
    },
    args,
    HELP,
  ).values;
}
