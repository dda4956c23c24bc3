import { readFileSync } from 'node:fs';
import type { ErrorCode, Issue } from '../errors';
import { createIssue } from './create-issue';

/** The parsed JSON of a file, or the issue that says why it could not be read. */
export type JsonFileResult =
  { readonly ok: true; readonly json: unknown } | { readonly ok: false; readonly issue: Issue };

/**
 * Reads and parses one JSON content file.
 * @param path - absolute path
 * @param file - path as shown in messages (relative to the content directory)
 * @param code - issue code for unreadable or malformed JSON (SOLEUS_RULE_JSON by default)
 * @returns the parsed value, or an issue naming the file and, for syntax errors, the position
 */
export function readJsonFile(
  path: string,
  file: string,
  code: ErrorCode = 'SOLEUS_RULE_JSON',
): JsonFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const reason = err instanceof Error && 'code' in err ? String(err.code) : 'read error';
    return {
      ok: false,
      issue: createIssue(
        code,
        file,
        '',
        `cannot read file (${reason}); expected a readable JSON file`,
      ),
    };
  }
  try {
    return { ok: true, json: JSON.parse(text) as unknown };
  } catch (err) {
    // JSON.parse messages give the position ("... at position 42"); the rule files hold no PHI.
    const reason = err instanceof Error ? err.message : 'syntax error';
    return {
      ok: false,
      issue: createIssue(code, file, '', `invalid JSON (${reason}); expected one JSON object`),
    };
  }
}
