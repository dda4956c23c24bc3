import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CliIo, CliUsageError, EXIT } from '../cli-io';
import { contentDirsFrom } from '../content-dirs-from-options';
import { loadRuleSetOrExplain } from '../load-rule-set-or-explain';
import { findVignetteManifests } from '../vignettes/find-vignette-manifests';
import { formatVignetteReport, totalVignettes } from '../vignettes/format-vignette-report';
import {
  runVignetteManifest,
  type VignetteManifestReport,
} from '../vignettes/run-vignette-manifest';
import { CONTENT_OPTIONS, parseCliArgs } from '../parse-cli-args';
import { RXNORM_INDEX_OPTION } from '../rxnorm-index-option';

/** Where the repository keeps its vignettes, relative to the working directory. */
export const DEFAULT_VIGNETTE_DIR = 'packages/fhir/test/vignettes';

const HELP = `usage: soleus test [vignette-dir] [--quiet] [--rules <dir>] [--facts <dir>] [--valuesets <dir>]
                   [--rxnorm-index <file>]

Runs every vignette manifest (manifest.json + *.bundle.json) in the directory or the tree below it
(default: ${DEFAULT_VIGNETTE_DIR}) through \`soleus evaluate\` and prints each case with PASS, FAIL
(and what was expected and found) or ERROR (bad input). --quiet prints only failing cases.
--rules/--facts/--valuesets evaluate with a working copy instead of the bundled content, and
--rxnorm-index with a site's medication index (\`soleus rxnorm import\`) instead of the shipped one.
Exit 0 when every case passes, 1 when a case fails, 2 on bad input (malformed manifest, not a bundle).
`;

/**
 * `soleus test`: runs the clinical vignettes and prints a readable diff of every failure.
 * @param args - command arguments
 * @param io - output
 * @returns 0 all pass, 1 failures, 2 bad input
 * @throws {CliUsageError} on bad arguments or a missing directory
 */
export async function testCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseOptions(args);
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) {
    throw new CliUsageError(`expected at most one vignette directory, found ${positionals.length}`);
  }
  const dir = vignetteDir(positionals[0]);
  const reports: VignetteManifestReport[] = [];
  const manifests = findVignetteManifests(dir);
  // One load of the content for the whole run: every case evaluates against the same rule set.
  const ruleSet = await loadRuleSetOrExplain(contentDirsFrom(values));
  for (const file of manifests) {
    const report = await runVignetteManifest(file, {
      ...(values.rules ? { rules: resolve(values.rules) } : {}),
      ...(values.facts ? { facts: resolve(values.facts) } : {}),
      ...(values.valuesets ? { valuesets: resolve(values.valuesets) } : {}),
      ...(values['rxnorm-index'] ? { 'rxnorm-index': resolve(values['rxnorm-index']) } : {}),
      ruleSet,
    });
    reports.push(report);
    const failing =
      report.error !== undefined ||
      report.gaps.length > 0 ||
      report.cases.some((c) => c.status !== 'pass');
    if (!values.quiet || failing) {
      io.stdout(formatVignetteReport(report));
    }
  }
  const t = totalVignettes(reports);
  io.stdout(
    `\n${t.passed} passed, ${t.failed} failed, ${t.badInput} bad input (${reports.length} manifest(s))\n`,
  );
  if (t.badInput > 0) {
    return EXIT.usage;
  }
  return t.failed > 0 ? EXIT.problems : EXIT.ok;
}

/** The directory to run: the argument, else the repository's own vignettes when run from its root. */
function vignetteDir(given: string | undefined): string {
  if (given !== undefined) {
    return resolve(given);
  }
  const dir = resolve(DEFAULT_VIGNETTE_DIR);
  if (!existsSync(dir)) {
    throw new CliUsageError(
      `no vignette directory given and ${DEFAULT_VIGNETTE_DIR} is not under ${process.cwd()}: ` +
        'pass the folder holding your manifest.json files (soleus test <dir>), or run from the Soleus repository root',
    );
  }
  return dir;
}

function parseOptions(args: readonly string[]) {
  return parseCliArgs(
    {
      options: {
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        ...CONTENT_OPTIONS,
        ...RXNORM_INDEX_OPTION,
      },
      strict: true,
      allowPositionals: true,
    },
    args,
    HELP,
  );
}
