import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { CliUsageError } from './cli-io';
import { ioErrorReason } from './io-error-reason';

/** The file argument that means standard input. */
export const STDIN_PATH = '-';

/**
 * Reads and parses a JSON file (or standard input for `-`), turning every failure into a one-line
 * message that says which file and what went wrong (never the file's content, which may hold PHI).
 * @param path - file path as given on the command line, or `-`
 * @param what - what the file should be, for the message (e.g. "patient bundle")
 * @param stdin - standard input, for `-`
 * @returns the parsed JSON
 * @throws {CliUsageError} when the file cannot be read or is not JSON
 */
export async function readJsonFile(path: string, what: string, stdin?: Readable): Promise<unknown> {
  const source = path === STDIN_PATH ? 'from standard input' : path;
  let content: string;
  try {
    content = path === STDIN_PATH ? await text(requireStdin(stdin)) : await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof CliUsageError) {
      throw err;
    }
    throw new CliUsageError(`cannot read ${what} ${source}: ${ioErrorReason(err)}`);
  }
  try {
    return JSON.parse(content) as unknown;
  } catch (err) {
    throw new CliUsageError(`${what} ${source} is not valid JSON: ${(err as Error).message}`);
  }
}

/**
 * Standard input for a `-` argument.
 * @param stdin - the CLI's standard input, if any
 * @returns the stream
 * @throws {CliUsageError} when there is none
 */
export function requireStdin(stdin: Readable | undefined): Readable {
  if (stdin === undefined) {
    throw new CliUsageError('- (standard input) is not available here');
  }
  return stdin;
}
