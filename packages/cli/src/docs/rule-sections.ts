import type { CardTemplate, FactDefinition, RuleDefinition } from '@soleus/core';
import { collectLeaves } from '@soleus/core';
import { describeCondition, describeLeaf, type ConditionLine } from './describe-condition';
import type { ExampleCard } from './example-cards';

/** A titled list of plain-text items of the rule catalogue, shared by the Markdown and HTML output. */
export interface RuleSection {
  readonly title: string;
  /** Each item is plain text (escaped by the renderer); `lines` keeps a conditions tree's nesting. */
  readonly items: readonly RuleItem[];
}

/** One item of a section: a line of text, optionally with a nested conditions tree or a text block. */
export interface RuleItem {
  readonly text: string;
  readonly tree?: readonly ConditionLine[];
  readonly block?: string;
}

/**
 * Lays out what a rule does for reviewers: thresholds, card text with its variants, suggestions,
 * links and override reasons, evidence and notes.
 * @param rule - the rule definition as authored
 * @param loaded - the same rule as loaded (thresholds converted to the facts' units)
 * @param facts - the fact catalogue, for units
 * @param example - the card filled from a vignette, as the clinician will read it
 * @returns the sections, in reading order, empty ones left out
 */
export function ruleSections(
  rule: RuleDefinition,
  loaded: RuleDefinition,
  facts: ReadonlyMap<string, FactDefinition>,
  example?: ExampleCard,
): RuleSection[] {
  const converted = new Map(collectLeaves(loaded).map((l) => [l.pointer, l.leaf.value]));
  const thresholds = collectLeaves(rule)
    .filter((l) => typeof l.leaf.value === 'number')
    .map((l) => {
      const value = converted.get(l.pointer);
      const unit = facts.get(l.leaf.fact)?.unit;
      const same = value === l.leaf.value || typeof value !== 'number';
      const conversion = same
        ? ''
        : ` (= ${Number(value.toPrecision(4))} ${unit ?? ''})`.replace(' )', ')');
      return { text: `${describeLeaf(l.leaf, facts)}${conversion}  (at ${l.pointer})` };
    });
  const sections: RuleSection[] = [
    { title: 'Thresholds', items: thresholds },
    { title: 'Card', items: cardItems(rule.card) },
    { title: 'Example card, as the clinician reads it', items: exampleItems(example) },
    { title: 'Text variants', items: variantItems(rule.card, facts) },
    { title: 'Suggestions', items: suggestionItems(rule.card, facts) },
    {
      title: 'Links',
      items: (rule.card.links ?? []).map((l) => ({ text: `${l.label} (${l.type}): ${l.url}` })),
    },
    {
      title: 'Override reasons',
      items: (rule.card.overrideReasons ?? []).map((c) => ({ text: `${c.code}: ${c.display}` })),
    },
    {
      title: 'Evidence',
      items: rule.evidence.map((e) => ({
        text: `${e.citation}${e.url ? ` — ${e.url}` : ''}${e.audience === 'reviewer' ? ' (for reviewers; not shown on the card)' : ''}`,
        ...(e.note ? { block: e.note } : {}),
      })),
    },
    { title: 'Notes', items: (rule.notes ?? []).map((n) => ({ text: n })) },
  ];
  return sections.filter((s) => s.items.length > 0);
}

function cardItems(card: CardTemplate): RuleItem[] {
  return [
    { text: `Indicator: ${card.indicator}` },
    { text: `Summary: ${card.summary}` },
    { text: 'Detail:', block: card.detail },
    ...(card.selectionBehavior ? [{ text: `Selection behaviour: ${card.selectionBehavior}` }] : []),
  ];
}

function variantItems(card: CardTemplate, facts: ReadonlyMap<string, FactDefinition>): RuleItem[] {
  return (card.variants ?? []).map((v, i) => {
    const changes = [
      v.indicator ? `indicator → ${v.indicator}` : '',
      v.summary ? `summary → "${v.summary}"` : '',
    ].filter((c) => c !== '');
    return {
      text: `Variant ${i + 1}${changes.length > 0 ? `: ${changes.join('; ')}` : ''}, when:`,
      tree: describeCondition(v.when, facts),
      ...(v.detail ? { block: v.detail } : {}),
    };
  });
}

function suggestionItems(
  card: CardTemplate,
  facts: ReadonlyMap<string, FactDefinition>,
): RuleItem[] {
  return (card.suggestions ?? []).map((s) => {
    const actions = s.actions.map((a) => `${a.type}: ${a.description}`).join('; ');
    return {
      text: `${s.label}${s.isRecommended ? ' (recommended)' : ''} — ${actions}${s.when ? '; offered when:' : ''}`,
      ...(s.when ? { tree: describeCondition(s.when, facts) } : {}),
    };
  });
}

function exampleItems(example: ExampleCard | undefined): RuleItem[] {
  if (!example) {
    return [];
  }
  return [
    { text: `From the vignette ${example.from}` },
    { text: `Summary: ${example.summary}` },
    { text: 'Detail:', block: example.detail },
    ...example.suggestions.map((label) => ({ text: `Suggestion: ${label}` })),
  ];
}
