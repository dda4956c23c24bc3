import type { ErrorCode, Issue } from '@soleus/core';

/**
 * Builds an issue about one prefetch key, located at `/prefetch/<key>` of the request. The message
 * names the key and what happened; it never holds URLs, query values or tokens.
 * @param code - the issue code
 * @param key - the prefetch key
 * @param what - what was found and what it means for the data
 * @param severity - issue severity (warning unless told)
 * @returns the issue
 */
export function prefetchIssue(
  code: ErrorCode,
  key: string,
  what: string,
  severity: Issue['severity'] = 'warning',
): Issue {
  const pointer = `/prefetch/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  return { severity, code, message: `request#${pointer}: ${what}`, location: { pointer } };
}
