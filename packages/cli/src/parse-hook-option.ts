import { HOOKS, type Hook } from '@soleus/fhir';
import { CliUsageError } from './cli-io';

/**
 * Reads `--hook`.
 * @param value - the option's value
 * @returns the hook
 * @throws {CliUsageError} when the value is absent or not a served hook
 */
export function parseHookOption(value: string | undefined): Hook {
  const hook = HOOKS.find((h) => h === value);
  if (!hook) {
    throw new CliUsageError(
      `--hook must be one of ${HOOKS.join(', ')}, found "${value ?? '(none)'}"`,
    );
  }
  return hook;
}
