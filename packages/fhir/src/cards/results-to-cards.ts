import { randomUUID } from 'node:crypto';
import type {
  EvaluationResult,
  FactSet,
  Issue,
  LoadedRule,
  RuleResult,
  RuleSet,
} from '@soleus/core';
import { CARD_SYSTEM, OVERRIDE_REASON_SYSTEM } from '@soleus/core';
import type { CdsCard, CdsSuggestion } from '../cds-hooks/types';
import type { ResourceDescription } from '../text/describe-resource';
import { clinicianLine } from '../issues/clinician-line';
import { buildCardDetail } from './build-card-detail';
import { cardExtension } from './card-extension';
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
  /**
   * Card id → the data-quality issues written into that card: data it needed that could not be used
   * (issues/route-issues.ts decides which). One line each in the text, what and why.
   */
  readonly dataIssues?: ReadonlyMap<string, readonly Issue[]>;
  /** Names and dates a resource of the record for card text; without it only reported values show. */
  readonly describe?: (reference: string) => ResourceDescription | undefined;
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
  const nowMs = Date.parse(evaluation.now);
  const scope: TemplateScope = {
    facts: options.facts,
    context: options.context,
    ...(baseUrl ? { service: { baseUrl } } : {}),
    ...(Number.isNaN(nowMs) ? {} : { nowMs }),
    catalogue: options.ruleSet.facts,
    ...(options.describe ? { describe: options.describe } : {}),
  };
  const uuid = options.uuid ?? randomUUID;
  const cards: CdsCard[] = [];
  for (const result of evaluation.fired) {
    const rule = options.ruleSet.rulesById.get(result.ruleId);
    if (rule) {
      const issues = options.dataIssues?.get(result.ruleId) ?? [];
      cards.push(
        buildCard(
          { rule, result, scope, issues },
          uuid,
          options.sourceLabel ?? 'Soleus calf-pain CDS',
        ),
      );
    }
  }
  return cards;
}

/** One fired rule and what its card is built from. */
interface CardInputs {
  readonly rule: LoadedRule;
  readonly result: RuleResult;
  readonly scope: TemplateScope;
  readonly issues: readonly Issue[];
}

function buildCard(inputs: CardInputs, uuid: () => string, label: string): CdsCard {
  const { rule, result, scope, issues } = inputs;
  const def = rule.definition;
  const suggestions = buildSuggestions(rule, result, scope, uuid);
  const links = buildLinks(def.card.links ?? [], scope);
  const notes = [...new Set(issues.map(clinicianLine))];
  const card: CdsCard = {
    uuid: uuid(),
    summary: clampSummary(interpolate(pickSummary(rule, result), scope)),
    detail: buildCardDetail(rule, result, scope, notes),
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
    extension: cardExtension(rule, result, scope.facts, issues),
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
