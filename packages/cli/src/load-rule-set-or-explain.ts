import {
  formatLocation,
  isSoleusError,
  loadRuleSet,
  type ContentDirs,
  type RuleSet,
} from '@soleus/core';
import { CliUsageError } from './cli-io';

/**
 * Loads the rule set for a command, turning a catalogue that does not load into a usage error that
 * lists every problem with its code, file and JSON pointer.
 * @param content - rules, facts and value-set directories
 * @returns the rule set
 * @throws {CliUsageError} when the catalogue does not load (exit 2)
 */
export async function loadRuleSetOrExplain(content: ContentDirs): Promise<RuleSet> {
  try {
    return await loadRuleSet(content);
  } catch (err) {
    if (!isSoleusError(err)) {
      throw err;
    }
    const lines = err.issues.map((i) => `  ${i.code} ${formatLocation(i.location)}: ${i.message}`);
    throw new CliUsageError(
      `${err.code}: the rule catalogue in ${content.rulesDir} does not load (run \`soleus validate\`)` +
        (lines.length > 0 ? `\n${lines.join('\n')}` : `: ${err.message}`),
    );
  }
}
