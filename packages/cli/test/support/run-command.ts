import { type CliIo, CliUsageError, EXIT } from '../../src/cli-io';

/** What a command printed and returned. */
export interface CommandRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

/**
 * Runs one command in-process the way runCli does (a CliUsageError becomes exit 2 on stderr).
 * @param command - the command function
 * @param args - its arguments
 * @returns exit code and captured output
 */
export async function runCommand(command: Command, args: readonly string[]): Promise<CommandRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    now: () => '2026-11-22T09:00:00Z',
  };
  try {
    return { code: await command(args, io), out, err };
  } catch (e) {
    if (e instanceof CliUsageError) {
      return { code: EXIT.usage, out, err: `${err}${e.message}\n` };
    }
    throw e;
  }
}
