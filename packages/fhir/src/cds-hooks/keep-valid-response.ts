/**
 * The last check before a response leaves the service: it is validated against every CDS Hooks
 * response rule ({@link validateCdsResponse}), and a card or suggestion that breaks one is dropped so
 * the rest can still be sent (an EHR may reject a whole response for one bad card, and the clinician
 * would lose the critical card with it). What was dropped is returned for the server log; it is an
 * adapter bug, never the clinician's problem.
 */
import type { Issue } from '@soleus/core';
import type { CdsCard, CdsResponse } from './types';
import { validateCdsResponse } from './validate-cds-response';

/** The response that may be sent and the rule breaches that made parts of it go. */
export interface CheckedResponse {
  readonly response: CdsResponse;
  /** SOLEUS_HOOK_INVALID_RESPONSE issues of the parts dropped (pointers into the original). */
  readonly dropped: readonly Issue[];
}

const MAX_ROUNDS = 4;

/**
 * Validates a response and drops what breaks the rules.
 * @param response - the response built from the rule results
 * @returns the valid response (the same object when nothing was wrong) and what was dropped
 */
export function keepValidResponse(response: CdsResponse): CheckedResponse {
  let current = response;
  const dropped: Issue[] = [];
  // Dropping a suggestion can leave its card without suggestions, so check again (bounded).
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const issues = validateCdsResponse(current);
    if (issues.length === 0) {
      return { response: current, dropped };
    }
    dropped.push(...issues);
    current = withoutBrokenParts(current, issues);
  }
  return { response: { cards: [] }, dropped };
}

function withoutBrokenParts(response: CdsResponse, issues: readonly Issue[]): CdsResponse {
  const badCards = new Set<number>();
  const badSuggestions = new Map<number, Set<number>>();
  let dropExtension = false;
  let dropSystemActions = false;
  for (const issue of issues) {
    const [top, card, part, suggestion] = (issue.location?.pointer ?? '').split('/').slice(1);
    if (top === 'cards' && card !== undefined && /^\d+$/.test(card)) {
      if (part === 'suggestions' && suggestion !== undefined && /^\d+$/.test(suggestion)) {
        const set = badSuggestions.get(Number(card)) ?? new Set<number>();
        badSuggestions.set(Number(card), set.add(Number(suggestion)));
      } else {
        badCards.add(Number(card));
      }
    } else if (top === 'extension') {
      dropExtension = true;
    } else if (top === 'systemActions') {
      dropSystemActions = true;
    } else {
      return { cards: [] }; // the envelope itself is wrong: nothing can be trusted
    }
  }
  const cards = (Array.isArray(response.cards) ? response.cards : []).flatMap((card, index) =>
    badCards.has(index) ? [] : [withoutSuggestions(card, badSuggestions.get(index))],
  );
  const { extension, systemActions, ...rest } = response;
  return {
    ...rest,
    cards,
    ...(extension === undefined || dropExtension ? {} : { extension }),
    ...(systemActions === undefined || dropSystemActions ? {} : { systemActions }),
  };
}

function withoutSuggestions(card: CdsCard, bad: ReadonlySet<number> | undefined): CdsCard {
  if (!bad || !card.suggestions) {
    return card;
  }
  const suggestions = card.suggestions.filter((_s, i) => !bad.has(i));
  if (suggestions.length > 0) {
    return { ...card, suggestions };
  }
  // No suggestion left: selectionBehavior has nothing to govern (CDS Hooks §card-attributes).
  const { suggestions: _gone, selectionBehavior: _none, ...rest } = card;
  return rest;
}
