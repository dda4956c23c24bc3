import {
  formatLocation,
  isSoleusError,
  validateRuleSet,
  verifyDecisionTable,
  type Issue,
} from '@soleus/core';
import { compiledSources } from '@soleus/fhir';
import { type CliIo, CliUsageError, EXIT } from '../cli-io';
import { contentDirsFrom } from '../content-dirs-from-options';
import { parseCliArgs } from '../parse-cli-args';
import { requireDirectory } from '../require-directory';

const HELP = `usage: soleus validate [rule-pack-dir] [--facts <dir>] [--valuesets <dir>]
                       [--pack <dir|npm-package>]...

Checks every rule pack under the directory (default: the bundled rules), and every --pack (a site
pack directory or installed npm package, loaded on top of them), against the rule schema and the
semantic checks, including each derived fact's mechanism and its parameters, and prints every problem
at once. Exit 1 when there are problems, 2 when a directory does not exist.
`;

/**
 * `soleus validate`: loader diagnostics for informaticists.
 * @param args - command arguments
 * @param io - output
 * @returns 0 when the packs are valid, 1 when problems were found
 * @throws {CliUsageError} on bad arguments
 */
export async function validateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(
    {
      options: {
        facts: { type: 'string' },
        valuesets: { type: 'string' },
        pack: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    },
    args,
    HELP,
  );
  if (parsed.values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (parsed.positionals.length > 1) {
    throw new CliUsageError(
      `expected at most one rule-pack directory, found ${parsed.positionals.length}`,
    );
  }
  if (parsed.positionals[0] !== undefined) {
    requireDirectory(parsed.positionals[0], 'rule-pack directory');
  }
  const content = contentDirsFrom({
    rules: parsed.positionals[0],
    facts: parsed.values.facts,
    valuesets: parsed.values.valuesets,
    pack: parsed.values.pack,
  });
  const issues = validateContent(content);
  const errors = issues.filter((i) => i.severity === 'error');
  for (const issue of issues) {
    io.stdout(`${issue.severity} ${issue.code} ${withLocation(issue)}\n`);
  }
  io.stdout(
    errors.length === 0
      ? `ok: rule packs in ${content.rulesDir}${content.packDirs.map((d) => ` and ${d}`).join('')} are valid\n`
      : `${errors.length} problem(s)\n`,
  );
  return errors.length === 0 ? EXIT.ok : EXIT.problems;
}

/**
 * The loader's checks, each decision table verified over its whole input domain (completeness,
 * overlap, safety invariants), then the FHIR adapter's checks (fact sources it can compute, derivation
 * names, record mechanisms' parameters): together, what would otherwise fail only the first request.
 */
function validateContent(content: ReturnType<typeof contentDirsFrom>): readonly Issue[] {
  const loaded = validateRuleSet(content);
  if (!loaded.ok) {
    return loaded.issues;
  }
  const issues = [
    ...loaded.issues,
    ...[...loaded.ruleSet.tables.values()].flatMap(verifyDecisionTable),
  ];
  try {
    compiledSources(loaded.ruleSet);
    return issues;
  } catch (err) {
    if (isSoleusError(err)) {
      return [...issues, ...err.issues];
    }
    throw err;
  }
}

/** Messages usually start with their `file#pointer`; prefix the location only when they do not. */
function withLocation(issue: Issue): string {
  const where = formatLocation(issue.location);
  return where === '' || issue.message.startsWith(where)
    ? issue.message
    : `${where}: ${issue.message}`;
}
