import type { FactSet, LoadedRule, RuleResult } from '@soleus/core';
import { formatFactLine } from './format-fact';
import { interpolate, type TemplateScope } from './interpolate';

/**
 * Builds a card's GitHub-flavoured markdown detail: the rule's advice, the matching variant paragraphs,
 * then why it fired (each fact it used, with value, unit, date and source resources), evidence that was
 * ignored and why, the rule id@version and the citations. Clinicians and informaticists both read this.
 * @param rule - the loaded rule
 * @param result - the engine result for the rule
 * @param scope - facts and hook context for interpolation
 * @returns markdown
 */
export function buildCardDetail(
  rule: LoadedRule,
  result: RuleResult,
  scope: TemplateScope,
): string {
  const card = rule.definition.card;
  const sections = [interpolate(card.detail, scope)];
  for (const index of result.variants) {
    const text = card.variants?.[index]?.detail;
    if (text) {
      sections.push(interpolate(text, scope));
    }
  }
  sections.push(whySection(result, scope.facts));
  const ignored = ignoredSection(result, scope.facts);
  if (ignored) {
    sections.push(ignored);
  }
  sections.push(ruleSection(rule));
  return sections.join('\n\n');
}

function usedFactNames(result: RuleResult): string[] {
  const names = new Set<string>();
  for (const trace of result.conditions) {
    if (trace.result) {
      names.add(trace.fact);
    }
  }
  return [...names];
}

function whySection(result: RuleResult, facts: FactSet): string {
  const lines = usedFactNames(result).map((name) => `- ${formatFactLine(name, facts.get(name))}`);
  return ['**Why this card**', ...(lines.length > 0 ? lines : ['- (no facts)'])].join('\n');
}

function ignoredSection(result: RuleResult, facts: FactSet): string | undefined {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const trace of result.conditions) {
    for (const item of facts.get(trace.fact)?.ignored ?? []) {
      const key = `${item.resource}|${item.note ?? ''}`;
      if (!seen.has(key)) {
        seen.add(key);
        lines.push(`- ${item.resource}: ${item.note ?? 'not used'}`);
      }
    }
  }
  return lines.length > 0 ? ['**Evidence not used**', ...lines].join('\n') : undefined;
}

function ruleSection(rule: LoadedRule): string {
  const def = rule.definition;
  const citations = def.evidence.map((e) =>
    e.url ? `- [${e.citation}](${e.url})` : `- ${e.citation}`,
  );
  return [
    `**Rule** \`${def.id}@${def.version}\` (pack \`${rule.pack.id}@${rule.pack.version}\`)`,
    '**Evidence**',
    ...citations,
  ].join('\n');
}
