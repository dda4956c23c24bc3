/**
 * The "Based on" list of a card: in plain words, the recorded facts that made the rule fire. A fact is
 * listed when its leaf holds and supports the outcome (every child of a holding `all`, the holding
 * children of a holding `any`; nothing under `not`), its value is known (an unknown that mattered is said
 * by the card text), and its catalogue entry has a `label` (engineering facts such as the DVT decision
 * code never are). Each line is the label and the value, with the date or the records behind it.
 */
import { displayReported, humanDateText } from '@soleus/core';
import type { ConditionTrace, Fact, LoadedRule, RuleResult } from '@soleus/core';
import { childPointers } from '../evaluate/child-pointers';
import { describedText } from '../text/describe-resource';
import { formatFactValue } from './format-fact';
import { formatOf, type TemplateScope } from './interpolate';

type Node = LoadedRule['definition']['conditions'] | { readonly fact: string };

const MAX_RECORDS = 3;

/**
 * @param rule - the fired rule
 * @param result - its result (leaf traces)
 * @param scope - facts, catalogue, evaluation instant and resource descriptions
 * @returns one markdown list line per supporting labelled fact, without the leading dash
 */
export function basedOnLines(rule: LoadedRule, result: RuleResult, scope: TemplateScope): string[] {
  const traced = new Map(result.conditions.map((c) => [c.pointer, c]));
  const names: string[] = [];
  collect(rule.definition.conditions, '/conditions', traced, names);
  const lines: string[] = [];
  for (const name of new Set(names)) {
    const label = scope.catalogue?.get(name)?.label;
    const fact = scope.facts.get(name);
    if (label && fact && fact.value !== null) {
      lines.push(`${label}: ${describeFact(name, fact, scope)}`);
    }
  }
  return lines;
}

/** Adds the facts of the leaves that support a holding node; returns whether the node holds. */
function collect(
  node: Node,
  pointer: string,
  traced: ReadonlyMap<string, ConditionTrace>,
  out: string[],
): boolean {
  if ('all' in node) {
    const at = childPointers(node, pointer);
    const found: string[] = [];
    const held = node.all.every((c, i) => collect(c, at[i] as string, traced, found));
    if (held) {
      out.push(...found);
    }
    return held;
  }
  if ('any' in node) {
    const at = childPointers(node, pointer);
    let held = false;
    node.any.forEach((c, i) => {
      const found: string[] = [];
      if (collect(c, at[i] as string, traced, found)) {
        held = true;
        out.push(...found);
      }
    });
    return held;
  }
  if ('not' in node) {
    return !collect(node.not, childPointers(node, pointer)[0] as string, traced, []);
  }
  const leaf = traced.get(pointer);
  if (leaf?.result === true) {
    out.push(node.fact);
    return true;
  }
  return false;
}

function describeFact(name: string, fact: Fact, scope: TemplateScope): string {
  const value = formatFactValue(fact, formatOf(name, scope));
  if (typeof fact.value === 'boolean') {
    if (fact.value === false) {
      return 'no';
    }
    const records = recordsBehind(fact, scope);
    return records === '' ? 'yes' : records;
  }
  const isDate = scope.catalogue?.get(name)?.type === 'date';
  if (fact.at && !isDate && scope.nowMs !== undefined) {
    return `${value} (${humanDateText(fact.at, scope.nowMs)})`;
  }
  return value;
}

/** The records behind a true fact: "ibuprofen 600 mg", "Pain in left calf, 20 Nov 2026, 2 days ago". */
function recordsBehind(fact: Fact, scope: TemplateScope): string {
  const texts: string[] = [];
  for (const evidence of fact.evidence ?? []) {
    const described = scope.describe?.(evidence.resource);
    const name = evidence.reported ? displayReported(evidence.reported) : described?.name;
    const text = describedText(
      {
        ...(name ? { name } : {}),
        ...(described?.atMs === undefined || scope.nowMs === undefined
          ? {}
          : { atMs: described.atMs }),
      },
      scope.nowMs ?? 0,
    );
    const said = name === undefined && text !== '' ? `recorded ${text}` : text;
    if (said !== '' && !texts.includes(said)) {
      texts.push(said);
    }
  }
  const shown = texts.slice(0, MAX_RECORDS);
  if (texts.length > MAX_RECORDS) {
    shown.push(`${texts.length - MAX_RECORDS} more`);
  }
  return shown.join('; ');
}
