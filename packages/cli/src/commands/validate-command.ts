import { formatLocation, validateRulePack, type Issue } from '@soleus/core';
import { type CliIo, CliUsageError, EXIT } from '../cli-io';
import { contentDirsFrom } from '../content-dirs-from-options';
import { parseCliArgs } from '../parse-cli-args';
import { requireDirectory } from '../require-directory';

const HELP = `usage: soleus validate [rule-pack-dir] [--facts <dir>] [--valuesets <dir>]

Checks every rule pack under the directory (default: the bundled rules) against the rule schema and
the semantic checks, and prints every problem at once. Exit 1 when there are problems, 2 when a directory does not exist.
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
  });
  const issues = validateRulePack(content);
  const errors = issues.filter((i) => i.severity === 'error');
  for (const issue of issues) {
    io.stdout(`${issue.severity} ${issue.code} ${withLocation(issue)}\n`);
  }
  io.stdout(
    errors.length === 0
      ? `ok: rule packs in ${content.rulesDir} are valid\n`
      : `${errors.length} problem(s)\n`,
  );
  return errors.length === 0 ? EXIT.ok : EXIT.problems;
}

/** Messages usually start with their `file#pointer`; prefix the location only when they do not. */
function withLocation(issue: Issue): string {
  const where = formatLocation(issue.location);
  return where === '' || issue.message.startsWith(where)
    ? issue.message
    : `${where}: ${issue.message}`;
}
