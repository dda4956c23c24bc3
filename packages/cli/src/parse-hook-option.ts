import { HOOKS, type Hook } from '@soleus/fhir';
import { CliUsageError } from './cli-io';
import { didYouMeanClause } from './did-you-mean';

/**
 * Reads `--hook`.
 * @param value - the option's value
 * @returns the hook
 * @throws {CliUsageError} when the value is absent or not a served hook
 */
export function parseHookOption(value: string | undefined): Hook {
  const hook = HOOKS.find((h) => h === value);
  if (value === undefined) {
    throw new CliUsageError(`--hook is required: one of ${HOOKS.join(', ')}`);
  }
  if (!hook) {
    const expected = `expected one of ${HOOKS.join(', ')}`;
    const guess = didYouMeanClause(value, HOOKS, '');
    throw new CliUsageError(`unknown hook "${value}"${guess}${guess ? ' ' : '; '}(${expected})`);
  }
  return hook;
}
