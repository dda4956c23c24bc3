import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliUsageError } from './cli-io';
import { didYouMeanClause } from './did-you-mean';

/** `--rules`, `--facts` and `--valuesets`: the options of every command that loads rule content. */
export const CONTENT_OPTIONS = {
  rules: { type: 'string' },
  facts: { type: 'string' },
  valuesets: { type: 'string' },
  pack: { type: 'string', multiple: true },
} as const;

/**
 * Parses a command's arguments strictly, turning Node's parse error into a one-line usage error
 * (exit 2) that suggests the closest option for a mistyped one and points at the command's `--help`.
 * @param config - node:util parseArgs configuration (without `args`)
 * @param args - the command's arguments
 * @param help - the command's help text, starting `usage: soleus <command>`
 * @returns the parsed values and positionals
 * @throws {CliUsageError} on an unknown option, a missing value or an unexpected positional
 */
export function parseCliArgs<T extends Omit<ParseArgsConfig, 'args'>>(
  config: T,
  args: readonly string[],
  help: string,
): ReturnType<typeof parseArgs<T & { args: string[] }>> {
  try {
    return parseArgs({ ...config, args: [...args] });
  } catch (err) {
    const command = /^usage: (soleus [a-z-]+)/.exec(help)?.[1] ?? 'soleus <command>';
    throw new CliUsageError(describeParseError(err as Error, config, `${command} --help`));
  }
}

/** One line: what was wrong, then a suggestion or where the options are listed. */
function describeParseError(
  err: Error & { code?: string },
  config: ParseArgsConfig,
  helpCommand: string,
): string {
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  const seeHelp = ` (${helpCommand} lists the options)`;
  switch (err.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const known = Object.keys(config.options ?? {}).map((name) => `--${name}`);
      return `unknown option ${quoted}${didYouMeanClause(quoted, known, seeHelp)}`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument ${quoted}: this command takes options only${seeHelp}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /missing/.test(err.message)
        ? `${quoted.replace(/ <value>$/, '')} needs a value${seeHelp}`
        : `${quoted} needs a value; write ${quoted}=<value> for a value that starts with -`;
    default:
      return `${err.message.split('\n')[0] ?? err.message}${seeHelp}`;
  }
}
