import type { LoadedRule, RuleResult } from '@soleus/core';
import { basedOnLines } from './based-on';
import { interpolate, type TemplateScope } from './interpolate';

const MAX_DATA_NOTES = 5;

/**
 * Builds a card's GitHub-flavoured markdown detail, in words a clinician reads at the bedside: the
 * rule's advice and the paragraphs of the variants that hold; the data it needed that could not be
 * used (one line each, what and why: see route-issues.ts); a short "Based on" list (based-on.ts); the
 * sources meant for clinicians. Rule id@version, fact names, resource ids and JSON Pointers are not
 * card text: they are in the card's `extension` and in `--explain`.
 * @param rule - the loaded rule
 * @param result - the engine result for the rule
 * @param scope - facts, context, evaluation instant, catalogue and resource descriptions
 * @param dataNotes - data-quality lines for this card (already in clinician words)
 * @returns markdown
 */
export function buildCardDetail(
  rule: LoadedRule,
  result: RuleResult,
  scope: TemplateScope,
  dataNotes: readonly string[] = [],
): string {
  const card = rule.definition.card;
  const sections = [interpolate(card.detail, scope)];
  for (const index of result.variants) {
    const text = card.variants?.[index]?.detail;
    if (text) {
      sections.push(interpolate(text, scope));
    }
  }
  if (dataNotes.length > 0) {
    sections.push(
      list('**Could not be used** (treated as unknown, never as normal)', capped(dataNotes)),
    );
  }
  const basedOn = basedOnLines(rule, result, scope);
  if (basedOn.length > 0) {
    sections.push(list('**Based on**', basedOn));
  }
  const sources = rule.definition.evidence
    .filter((e) => e.audience !== 'reviewer')
    .map((e) => (e.url ? `[${e.citation}](${e.url})` : e.citation));
  if (sources.length > 0) {
    sections.push(list('**Sources**', sources));
  }
  return sections
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n');
}

function list(heading: string, lines: readonly string[]): string {
  return [heading, ...lines.map((line) => `- ${line}`)].join('\n');
}

function capped(lines: readonly string[]): string[] {
  if (lines.length <= MAX_DATA_NOTES) {
    return [...lines];
  }
  return [...lines.slice(0, MAX_DATA_NOTES), `${lines.length - MAX_DATA_NOTES} more items`];
}
