import type { ErrorCode, Issue } from '../errors';

/**
 * Builds an error issue located in a content file, with the `file#pointer: what` message convention.
 * @param code - issue code
 * @param file - file path relative to its content directory, e.g. `dvt/dvt-excluded.rule.json`
 * @param pointer - RFC 6901 JSON Pointer inside the file ('' = the whole file)
 * @param what - what was found and what was expected
 * @returns the issue
 */
export function createIssue(code: ErrorCode, file: string, pointer: string, what: string): Issue {
  return {
    severity: 'error',
    code,
    message: `${file}#${pointer}: ${what}`,
    location: { file, pointer },
  };
}

/**
 * Escapes one JSON Pointer reference token (RFC 6901 §4: `~` → `~0`, `/` → `~1`).
 * @param token - a property name or index
 * @returns the escaped token
 */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}
