import type { Readable } from 'node:stream';

/** Where a command writes, so tests can capture output without spawning a process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Standard input, read when a file argument is `-`; absent → `-` is a usage error. */
  readonly stdin?: Readable;
  /** The current instant, ISO 8601: the CLI is an entry point and the only place that reads the clock. */
  readonly now: () => string;
}

/** Exit codes: 0 ok, 1 the check found problems (validate, test), 2 bad input or usage. */
export const EXIT = { ok: 0, problems: 1, usage: 2 } as const;

/** A usage or input error: its message is printed to stderr and the process exits with code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
