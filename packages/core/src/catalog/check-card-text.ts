/**
 * Checks of a rule's card text: summaries must stay under the CDS Hooks limit, and every
 * `{{fact.name}}` placeholder — in summary, detail, variants, suggestion labels and action resource
 * templates — must name a catalogued fact, so a card never shows a blank where a value should be.
 */
import type { Issue } from '../errors';
import type { FactDefinition } from '../generated/fact-catalogue-file';
import type { RuleDefinition } from '../generated/rule-definition';
import { createIssue, escapePointerToken } from './create-issue';
import { suggestName } from './suggest-name';

/** CDS Hooks: `summary` must be shorter than 140 characters. */
const SUMMARY_LIMIT = 140;

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;

/** Placeholder namespaces other than `fact.` that card templates may use. */
const CONTEXT_PREFIX = 'context.';
/** The service's own public base URL, for links to pages the service serves. */
const SERVICE_BASE_URL = 'service.baseUrl';

/**
 * Checks summary lengths and placeholders of a rule's card.
 * @param rule - a schema-valid rule (summary length is left to this check, not the schema)
 * @param file - rule file path relative to the rules directory
 * @param facts - fact catalogue by name
 * @returns SOLEUS_RULE_SUMMARY_TOO_LONG, SOLEUS_RULE_TEMPLATE and SOLEUS_RULE_UNKNOWN_FACT issues
 */
export function checkCardText(
  rule: RuleDefinition,
  file: string,
  facts: ReadonlyMap<string, FactDefinition>,
): Issue[] {
  return [
    ...checkSummaries(rule, file),
    ...checkPlaceholders(rule, file, facts),
    ...checkResourceIdsFrom(rule, file, facts),
  ];
}

function checkSummaries(rule: RuleDefinition, file: string): Issue[] {
  const summaries: [string, string | undefined][] = [
    ['/card/summary', rule.card.summary],
    ...(rule.card.variants ?? []).map((v, i): [string, string | undefined] => [
      `/card/variants/${i}/summary`,
      v.summary,
    ]),
  ];
  return summaries
    .map(
      ([pointer, summary]) => [pointer, summary === undefined ? 0 : [...summary].length] as const,
    )
    .filter(([, length]) => length >= SUMMARY_LIMIT)
    .map(([pointer, length]) =>
      createIssue(
        'SOLEUS_RULE_SUMMARY_TOO_LONG',
        file,
        pointer,
        `summary is ${length} characters; expected fewer than ${SUMMARY_LIMIT} (CDS Hooks), before interpolation`,
      ),
    );
}

function checkPlaceholders(
  rule: RuleDefinition,
  file: string,
  facts: ReadonlyMap<string, FactDefinition>,
): Issue[] {
  const issues: Issue[] = [];
  visitStrings(rule.card, '/card', (text, pointer) => {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const problem = placeholderProblem(match[1] ?? '', facts);
      if (problem) {
        issues.push(createIssue('SOLEUS_RULE_TEMPLATE', file, pointer, problem));
      }
    }
  });
  return issues;
}

function checkResourceIdsFrom(
  rule: RuleDefinition,
  file: string,
  facts: ReadonlyMap<string, FactDefinition>,
): Issue[] {
  return (rule.card.suggestions ?? []).flatMap((suggestion, i) =>
    suggestion.actions
      .map((action, j) => ({ name: action.resourceIdsFrom, j }))
      .filter(({ name }) => name !== undefined && !facts.has(name))
      .map(({ name, j }) =>
        createIssue(
          'SOLEUS_RULE_UNKNOWN_FACT',
          file,
          `/card/suggestions/${i}/actions/${j}/resourceIdsFrom`,
          `unknown fact "${name ?? ''}"; expected a catalogued fact holding Type/id references`,
        ),
      ),
  );
}

function placeholderProblem(
  expression: string,
  facts: ReadonlyMap<string, FactDefinition>,
): string | undefined {
  if (expression.startsWith(CONTEXT_PREFIX) || expression === SERVICE_BASE_URL) {
    return undefined;
  }
  if (!expression.startsWith('fact.')) {
    return `placeholder "{{${expression}}}" is not {{fact.<name>}}, {{context.<name>}} or {{${SERVICE_BASE_URL}}}; expected a catalogued fact`;
  }
  const name = expression.slice('fact.'.length);
  return facts.has(name)
    ? undefined
    : `placeholder "{{${expression}}}" names unknown fact "${name}"; expected a fact of the catalogue${suggestName(name, facts.keys())}`;
}

/** Calls `visit` for every string inside a JSON value, with its pointer; conditions are skipped. */
function visitStrings(
  value: unknown,
  pointer: string,
  visit: (text: string, pointer: string) => void,
): void {
  if (typeof value === 'string') {
    visit(value, pointer);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => visitStrings(item, `${pointer}/${i}`, visit));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key !== 'when') {
        visitStrings(child, `${pointer}/${escapePointerToken(key)}`, visit);
      }
    }
  }
}
