/**
 * Checks a rule's override reasons against the Soleus override-reason CodeSystem
 * (`codesystems/override-reason.codesystem.json`): every code must be one of its concepts and every
 * display must be that concept's display. Cards send the code with the CodeSystem's url as `system`,
 * and feedback records the code, so a display that says something else makes the clinician's choice
 * read as its opposite (a `data-incorrect` once read "The record data is correct as entered").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../errors';
import type { RuleDefinition } from '../generated/rule-definition';
import { createIssue } from './create-issue';
import { CODESYSTEMS_DIR } from './default-content';

let displays: ReadonlyMap<string, string> | undefined;

/**
 * The override-reason concepts, code → display, read once from the shipped CodeSystem.
 * @returns the concepts
 */
export function overrideReasonDisplays(): ReadonlyMap<string, string> {
  if (!displays) {
    const file = join(CODESYSTEMS_DIR, 'override-reason.codesystem.json');
    const codeSystem = JSON.parse(readFileSync(file, 'utf8')) as {
      concept?: { code: string; display: string }[];
    };
    displays = new Map((codeSystem.concept ?? []).map((c) => [c.code, c.display]));
  }
  return displays;
}

/**
 * Checks the card's override reasons.
 * @param rule - a schema-valid rule
 * @param file - rule file path relative to the rules directory
 * @returns one SOLEUS_RULE_OVERRIDE_REASON issue per unknown code or differing display
 */
export function checkOverrideReasons(rule: RuleDefinition, file: string): Issue[] {
  const concepts = overrideReasonDisplays();
  const known = [...concepts.keys()].join(', ');
  return (rule.card.overrideReasons ?? []).flatMap((reason, i): Issue[] => {
    const pointer = `/card/overrideReasons/${i}`;
    const display = concepts.get(reason.code);
    if (display === undefined) {
      const what = `unknown override reason "${reason.code}"; expected one of ${known}`;
      return [createIssue('SOLEUS_RULE_OVERRIDE_REASON', file, `${pointer}/code`, what)];
    }
    if (reason.display !== display) {
      const what = `display "${reason.display}" differs from the CodeSystem's "${display}" for code "${reason.code}"; expected the CodeSystem display`;
      return [createIssue('SOLEUS_RULE_OVERRIDE_REASON', file, `${pointer}/display`, what)];
    }
    return [];
  });
}
