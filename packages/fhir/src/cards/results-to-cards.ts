import { randomUUID } from 'node:crypto';
import type { EvaluationResult, FactSet, LoadedRule, RuleResult, RuleSet } from '@soleus/core';
import { CARD_SYSTEM, OVERRIDE_REASON_SYSTEM } from '@soleus/core';
import type { CdsCard, CdsSuggestion } from '../cds-hooks/types';
import { buildCardDetail } from './build-card-detail';
import { buildLinks } from './build-links';
import { buildSuggestion } from './build-suggestion';
import { interpolate, type TemplateScope } from './interpolate';

/** Options for {@link resultsToCards}. */
export interface CardOptions {
  readonly ruleSet: RuleSet;
  readonly facts: FactSet;
  /** Hook context (patientId, userId, encounterId …) for `{{context.x}}` tokens. */
  readonly context: Readonly<Record<string, unknown>>;
  /** `source.label` of every card. */
  readonly sourceLabel?: string;
  /** uuid generator; defaults to crypto.randomUUID (tests pass a deterministic one). */
  readonly uuid?: () => string;
  /**
   * Public base URL of the service that serves the Wells app and /fhir (no trailing slash). Links to
   * `{{service.baseUrl}}/…` are left off the cards without it.
   */
  readonly serviceBaseUrl?: string;
}

const MAX_SUMMARY = 139;

/**
 * Turns the fired rules of an evaluation into CDS Hooks cards (clinical-spec §9.7): uuid on every card
 * and suggestion, `source.topic` with the card id, summary < 140 characters, markdown detail that
 * explains the decision, suggestions with `selectionBehavior`, override reasons with display, links.
 * Cards come in the engine's ranking order.
 * @param evaluation - the engine's result
 * @param options - rule set, facts, context, label, uuid generator
 * @returns the cards, possibly empty
 */
export function resultsToCards(evaluation: EvaluationResult, options: CardOptions): CdsCard[] {
  const baseUrl = options.serviceBaseUrl?.replace(/\/+$/, '');
  const scope: TemplateScope = {
    facts: options.facts,
    context: options.context,
    ...(baseUrl ? { service: { baseUrl } } : {}),
  };
  const uuid = options.uuid ?? randomUUID;
  const cards: CdsCard[] = [];
  for (const result of evaluation.fired) {
    const rule = options.ruleSet.rulesById.get(result.ruleId);
    if (rule) {
      cards.push(
        buildCard(rule, result, scope, uuid, options.sourceLabel ?? 'Soleus calf-pain CDS'),
      );
    }
  }
  return cards;
}

function buildCard(
  rule: LoadedRule,
  result: RuleResult,
  scope: TemplateScope,
  uuid: () => string,
  label: string,
): CdsCard {
  const def = rule.definition;
  const suggestions = buildSuggestions(rule, result, scope, uuid);
  const links = buildLinks(def.card.links ?? [], scope);
  const card: CdsCard = {
    uuid: uuid(),
    summary: clampSummary(interpolate(pickSummary(rule, result), scope)),
    detail: buildCardDetail(rule, result, scope),
    indicator: result.indicator,
    source: { label, topic: { system: CARD_SYSTEM, code: def.id, display: def.title } },
    ...(suggestions.length > 0
      ? { suggestions, selectionBehavior: def.card.selectionBehavior ?? 'at-most-one' }
      : {}),
    ...(links.length > 0 ? { links } : {}),
    ...(def.card.overrideReasons && def.card.overrideReasons.length > 0
      ? {
          overrideReasons: def.card.overrideReasons.map((r) => ({
            system: r.system ?? OVERRIDE_REASON_SYSTEM,
            code: r.code,
            display: r.display,
          })),
        }
      : {}),
  };
  return card;
}

function pickSummary(rule: LoadedRule, result: RuleResult): string {
  for (const index of result.variants) {
    const summary = rule.definition.card.variants?.[index]?.summary;
    if (summary) {
      return summary;
    }
  }
  return rule.definition.card.summary;
}

function buildSuggestions(
  rule: LoadedRule,
  result: RuleResult,
  scope: TemplateScope,
  uuid: () => string,
): CdsSuggestion[] {
  const templates = rule.definition.card.suggestions ?? [];
  const built: CdsSuggestion[] = [];
  for (const index of result.suggestions) {
    const template = templates[index];
    const suggestion = template ? buildSuggestion(template, scope, uuid) : undefined;
    if (suggestion) {
      built.push(suggestion);
    }
  }
  return built;
}

/** Interpolated values can lengthen a summary; CDS Hooks requires < 140 characters, so cut cleanly. */
function clampSummary(summary: string): string {
  return summary.length <= MAX_SUMMARY ? summary : `${summary.slice(0, MAX_SUMMARY - 1)}…`;
}
