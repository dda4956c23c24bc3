/**
 * Structural check of the `auth` section of the config file, so a typo in trust settings stops the
 * start with a message naming the property instead of failing later or, worse, trusting too much.
 */
import type { Issue } from '@soleus/core';
import { isAcceptableJku } from '../auth/is-acceptable-jku';

/**
 * Checks `auth` from the config file.
 * @param auth - the parsed `auth` value (unknown shape)
 * @returns one SOLEUS_SERVER_CONFIG issue per problem; empty when valid or absent
 */
export function checkAuthConfig(auth: unknown): Issue[] {
  if (auth === undefined) {
    return [];
  }
  const issuers = (auth as { issuers?: unknown } | null)?.issuers;
  if (!Array.isArray(issuers) || issuers.length === 0) {
    return [issue('auth.issuers', 'a non-empty array of trusted issuers', describe(issuers))];
  }
  return issuers.flatMap((entry: unknown, index) => checkIssuer(entry, `auth.issuers[${index}]`));
}

function checkIssuer(entry: unknown, where: string): Issue[] {
  const value = (entry ?? {}) as Record<string, unknown>;
  const issues: Issue[] = [];
  if (typeof value['iss'] !== 'string' || value['iss'] === '') {
    issues.push(issue(`${where}.iss`, 'the exact iss string of the EHR', describe(value['iss'])));
  }
  const keys = (value['jwks'] as { keys?: unknown } | undefined)?.keys;
  const jku = value['jkuAllowList'];
  if (value['jwks'] !== undefined && !Array.isArray(keys)) {
    issues.push(issue(`${where}.jwks`, 'a JWK Set { "keys": [...] }', describe(value['jwks'])));
  }
  if (jku !== undefined && !(Array.isArray(jku) && jku.every((u) => isAcceptableJku(u)))) {
    const expected = 'an array of absolute https URLs (http only for loopback hosts)';
    issues.push(issue(`${where}.jkuAllowList`, expected, describe(jku)));
  }
  if (value['jwks'] === undefined && jku === undefined) {
    issues.push(issue(where, 'a "jwks" or a "jkuAllowList" to verify its tokens', 'neither'));
  }
  return issues;
}

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  return Array.isArray(value) ? `an array of ${value.length}` : `a ${typeof value}`;
}

function issue(where: string, expected: string, found: string): Issue {
  return {
    severity: 'error',
    code: 'SOLEUS_SERVER_CONFIG',
    message: `SOLEUS_CONFIG ${where}: expected ${expected}; found ${found}`,
  };
}
