import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliUsageError } from './cli-io';

/** `--rules`, `--facts` and `--valuesets`: the options of every command that loads rule content. */
export const CONTENT_OPTIONS = {
  rules: { type: 'string' },
  facts: { type: 'string' },
  valuesets: { type: 'string' },
} as const;

/**
 * Parses a command's arguments strictly, turning Node's parse error into a usage error that ends with
 * the command's help text (exit 2).
 * @param config - node:util parseArgs configuration (without `args`)
 * @param args - the command's arguments
 * @param help - the command's help text
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
    throw new CliUsageError(`${(err as Error).message}\n${help}`);
  }
}
