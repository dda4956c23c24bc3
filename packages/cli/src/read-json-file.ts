import { readFile } from 'node:fs/promises';
import { CliUsageError } from './cli-io';

/**
 * Reads and parses a JSON file, turning every failure into a message that says which file and what
 * went wrong (never the file's content, which may hold PHI).
 * @param path - file path as given on the command line
 * @param what - what the file should be, for the message (e.g. "patient bundle")
 * @returns the parsed JSON
 * @throws {CliUsageError} when the file cannot be read or is not JSON
 */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new CliUsageError(`cannot read ${what} ${path}: ${code}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new CliUsageError(`${what} ${path} is not valid JSON: ${(err as Error).message}`);
  }
}
