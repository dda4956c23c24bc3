import type { Issue } from '../errors';
import type { PackManifest } from '../generated/pack-manifest';
import { checkRule } from './check-rule';
import { createIssue } from './create-issue';
import type { RuleFile } from './read-rule-packs';
import type { RuleCheckContext } from './rule-check-context';

/** Schema-valid packs and rules to check together. */
export interface RuleSetCandidate {
  /** Pack manifests by id. */
  readonly packs: ReadonlyMap<string, PackManifest>;
  readonly rules: readonly RuleFile[];
}

/**
 * Checks rules together, without throwing: each rule alone (`checkRule`), then what only the whole set
 * can tell — the rule's pack exists and is the pack of its directory, the file is named `<id>.rule.json`,
 * ids are unique across packs, and suppressions name existing rules.
 * @param candidate - packs and schema-valid rule files
 * @param context - facts, operators, terminology and unit converter
 * @returns every issue found, in file order
 */
export function checkRuleSet(candidate: RuleSetCandidate, context: RuleCheckContext): Issue[] {
  const issues: Issue[] = [];
  const firstFile = new Map<string, string>();
  for (const { definition, file } of candidate.rules) {
    const first = firstFile.get(definition.id);
    if (first === undefined) {
      firstFile.set(definition.id, file);
    } else {
      issues.push(
        createIssue(
          'SOLEUS_RULE_DUPLICATE_ID',
          file,
          '/id',
          `rule id "${definition.id}" is already used by ${first}; expected each rule id once across all packs`,
        ),
      );
    }
  }
  for (const rule of candidate.rules) {
    issues.push(...checkPack(rule, candidate.packs), ...checkFileName(rule));
    issues.push(...checkRule(rule.definition, rule.file, context));
    rule.definition.suppresses?.forEach((id, i) => {
      if (!firstFile.has(id)) {
        issues.push(
          createIssue(
            'SOLEUS_RULE_UNKNOWN_SUPPRESSION',
            rule.file,
            `/suppresses/${i}`,
            `suppresses unknown rule "${id}"; expected the id of a loaded rule`,
          ),
        );
      }
    });
  }
  return issues;
}

/** The file is named after the permanent id, so authors and reviewers find a rule by its card id. */
function checkFileName(rule: RuleFile): Issue[] {
  const name = rule.file.split('/').pop() ?? rule.file;
  const want = `${rule.definition.id}.rule.json`;
  if (name === want) {
    return [];
  }
  const what = `rule id "${rule.definition.id}" differs from its file name "${name}"; expected the file to be named ${want}`;
  return [createIssue('SOLEUS_RULE_SCHEMA', rule.file, '/id', what)];
}

function checkPack(rule: RuleFile, packs: ReadonlyMap<string, PackManifest>): Issue[] {
  const named = rule.definition.pack;
  const dirName = rule.file.split('/')[0] ?? '';
  if (!packs.has(named)) {
    const known = [...packs.keys()].join(', ') || 'none';
    return [
      createIssue(
        'SOLEUS_RULE_UNKNOWN_PACK',
        rule.file,
        '/pack',
        `unknown pack "${named}"; expected the id of a pack with a valid pack.json (${known})`,
      ),
    ];
  }
  if (rule.dirPack?.id !== named) {
    const found = rule.dirPack ? `"${rule.dirPack.id}"` : 'no valid pack.json';
    return [
      createIssue(
        'SOLEUS_RULE_UNKNOWN_PACK',
        rule.file,
        '/pack',
        `rule names pack "${named}" but its directory ${dirName}/ has ${found}; expected the rule to live in its pack's directory`,
      ),
    ];
  }
  return [];
}
