/**
 * The record-reading mechanisms' parameters are checked when the rule set is compiled (soleus validate,
 * service start), not at the first request; and the DVT list cannot drift from what the code reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONTENT, DVT_PARAMETERS, loadRuleSetSync, type RuleSet } from '@soleus/core';
import { compiledSources } from '../src/facts/compiled-sources';

const shipped = loadRuleSetSync(DEFAULT_CONTENT);
/** Where DVT mechanisms live: all in core since the episode move (the adapter's DVT folder is gone). */
const DVT_DIRS = [join(__dirname, '..', '..', 'core', 'src', 'mechanisms', 'dvt')];

function problems(ruleSet: RuleSet): string[] {
  try {
    compiledSources(ruleSet);
    return [];
  } catch (err) {
    return (err as { issues: { code: string; message: string }[] }).issues.map(
      (i) => `${i.code} ${i.message}`,
    );
  }
}

describe('record mechanism parameters at load', () => {
  it('the shipped packs pass', () => {
    expect(problems(shipped)).toEqual([]);
  });

  // A typo in a DVT pack parameter is caught by core's load (dvt.triggered's check): see
  // packages/core/src/mechanisms/shipped-mechanisms.test.ts.

  it('DVT_PARAMETERS lists exactly the parameters the DVT mechanisms read', () => {
    const read = new Set<string>();
    const files = DVT_DIRS.flatMap((dir) =>
      readdirSync(dir)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(dir, f)),
    );
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const call of text.matchAll(/dvtParam\(\s*ctx,([^)]*)\)/g)) {
        for (const path of (call[1] ?? '').matchAll(/'([a-z][A-Za-z0-9.]*)'/g)) {
          if (!['string', 'number', 'string[]'].includes(path[1] ?? '')) {
            read.add(path[1] ?? '');
          }
        }
      }
    }
    expect([...read].sort()).toEqual(Object.keys(DVT_PARAMETERS).sort());
  });
});
