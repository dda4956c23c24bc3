import { statSync } from 'node:fs';
import { CliUsageError } from './cli-io';
import { ioErrorReason } from './io-error-reason';

/**
 * Checks that a directory argument names a directory, so a typo is a one-line usage error (exit 2)
 * rather than a report of problems inside a directory that is not there.
 * @param path - the path as given
 * @param what - what it should be, for the message (e.g. "rule-pack directory")
 * @throws {CliUsageError} when it is missing, unreadable or a file
 */
export function requireDirectory(path: string, what: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (err) {
    throw new CliUsageError(`${what} ${path}: ${ioErrorReason(err)}`);
  }
  if (!isDirectory) {
    throw new CliUsageError(`${what} ${path} is a file; expected a directory`);
  }
}
