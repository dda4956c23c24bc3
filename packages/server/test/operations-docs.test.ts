/**
 * The operator documentation names only variables the server accepts: a renamed or misspelt
 * `SOLEUS_…` variable in a guide would otherwise send an operator to a start failure. Error codes and
 * the test harness's variable are the other `SOLEUS_` names allowed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '@soleus/core';
import { TEST_ENV_PREFIX, TOOL_VARIABLES } from '../src/config/read-environment';
import { ENV_VARS } from '../src/config/server-config';
import { TEST_DATABASE_VARIABLE } from './postgres/support/test-database';

const DOCS = join(__dirname, '..', '..', '..', 'docs');
const PAGES = [
  'guides/deploying.md',
  'guides/integrating.md',
  'reference/http-api.md',
  'reference/configuration.md',
];
const KNOWN = new Set([
  ...Object.keys(ENV_VARS),
  ...Object.keys(ERROR_CODES),
  TEST_DATABASE_VARIABLE,
  TEST_ENV_PREFIX,
  ...TOOL_VARIABLES,
]);

describe.each(PAGES)('%s', (page) => {
  const text = readFileSync(join(DOCS, page), 'utf8');

  it('names only variables the server accepts (or error codes)', () => {
    const unknown = [...new Set(text.match(/\bSOLEUS_[A-Z0-9_]+\b/g) ?? [])].filter(
      (n) => !KNOWN.has(n),
    );
    expect(unknown).toEqual([]);
  });

  it('every `name:` of a container env entry is a setting', () => {
    const names = [...text.matchAll(/- \{? ?name: ([A-Z_]+)\b/g)].map((m) => m[1] ?? '');
    expect(names.filter((n) => !(n in ENV_VARS))).toEqual([]);
  });
});
