import { type CliIo, CliUsageError, EXIT } from './cli-io';
import { evaluateCommand } from './commands/evaluate-command';
import { validateCommand } from './commands/validate-command';
import { docsCommand } from './commands/docs-command';
import { dryRunCommand } from './commands/dry-run-command';
import { testCommand } from './commands/test-command';
import { cliVersion } from './cli-version';
import { didYouMeanClause } from './did-you-mean';
import { rxnormCommand } from './commands/rxnorm-command';

type Command = (args: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: ReadonlyMap<string, { run: Command; summary: string }> = new Map([
  [
    'evaluate',
    {
      run: evaluateCommand,
      summary: 'evaluate a patient bundle on a hook and print the CDS Hooks response',
    },
  ],
  [
    'validate',
    { run: validateCommand, summary: 'check a rule pack directory and print every problem' },
  ],
  ['test', { run: testCommand, summary: 'run the clinical vignettes and show what differs' }],
  ['docs', { run: docsCommand, summary: 'render the rule catalogue for review (--check for CI)' }],
  ['dry-run', { run: dryRunCommand, summary: 'count how often each card fires over a population' }],
  [
    'rxnorm',
    {
      run: rxnormCommand,
      summary: 'rxnorm import <dir>: build a medication index from RxNorm RRF',
    },
  ],
]);

const USAGE = [
  'usage: soleus <command> [options]',
  '',
  ...[...COMMANDS].map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`),
  '',
  'soleus <command> --help shows the options of a command; soleus --version prints the version.',
  'A file argument of - reads standard input.',
].join('\n');

/**
 * Runs the `soleus` command line.
 * @param argv - arguments after the program name
 * @param io - output streams and clock
 * @returns the exit code: 0 ok, 1 problems found, 2 bad input or usage
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(`${USAGE}\n`);
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${cliVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    const names = [...COMMANDS.keys()];
    const otherwise = `; expected one of ${names.join(', ')}`;
    io.stderr(`soleus: unknown command "${name}"${didYouMeanClause(name, names, otherwise)}\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof CliUsageError) {
      io.stderr(`soleus ${name}: ${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
}
