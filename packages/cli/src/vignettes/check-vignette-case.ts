import { lintCardText } from '@soleus/fhir';
import type { VignetteCard } from './run-vignette-case';
import { otherCardId, type VignetteExpect } from './vignette-manifest';

/** One expectation of a vignette case that the response did not meet. */
export interface VignetteMismatch {
  /**
   * Which expectation (fires, indicator, mustNot, alsoFires, exact, summaryIncludes, detailIncludes,
   * detailExcludes), or
   * `cardText`: a card carries engineering text a clinician should not read (lintCardText).
   */
  readonly what: keyof VignetteExpect | 'cardText';
  readonly expected: string;
  readonly actual: string;
}

/**
 * Compares a response's cards with a case's expectations, and lints every card's text for engineering
 * detail a clinician should not read (fact ids, resource ids, raw instants, UCUM syntax …).
 * @param rule - the manifest's rule id (the card checked by fires, indicator and the text checks)
 * @param expect - the case's expectations
 * @param cards - the response's cards
 * @returns every unmet expectation, empty when the case passes
 */
export function checkVignetteCase(
  rule: string,
  expect: VignetteExpect,
  cards: readonly VignetteCard[],
): VignetteMismatch[] {
  const ids = cards.map((card) => card.source.topic?.code ?? '(no topic)');
  const own = cards.find((card) => card.source.topic?.code === rule);
  const out: VignetteMismatch[] = [];
  const cardList = ids.length === 0 ? 'no cards' : `cards [${ids.join(', ')}]`;
  if (expect.fires !== undefined && expect.fires !== (own !== undefined)) {
    out.push({
      what: 'fires',
      expected: expect.fires ? `${rule} fires` : `${rule} silent`,
      actual: `${own ? `${rule} fires` : `${rule} silent`}; ${cardList}`,
    });
  }
  if (expect.indicator !== undefined && own?.indicator !== expect.indicator) {
    out.push({
      what: 'indicator',
      expected: expect.indicator,
      actual: own?.indicator ?? 'no card',
    });
  }
  const present = (expect.mustNot ?? []).filter((id) => ids.includes(id));
  if (present.length > 0) {
    out.push({ what: 'mustNot', expected: `none of [${present.join(', ')}]`, actual: cardList });
  }
  const also = expect.alsoFires ?? [];
  const missing = also.map(otherCardId).filter((id) => !ids.includes(id));
  if (missing.length > 0) {
    out.push({ what: 'alsoFires', expected: `also [${missing.join(', ')}]`, actual: cardList });
  }
  for (const entry of also) {
    const card =
      typeof entry === 'string'
        ? undefined
        : cards.find((c) => c.source.topic?.code === entry.card);
    if (card !== undefined && typeof entry !== 'string' && card.indicator !== entry.indicator) {
      out.push({
        what: 'alsoFires',
        expected: `${entry.card} with indicator ${entry.indicator}`,
        actual: `${entry.card} with indicator ${card.indicator}`,
      });
    }
  }
  if (expect.exact !== false) {
    const allowed = new Set([...(expect.fires === true ? [rule] : []), ...also.map(otherCardId)]);
    const extra = ids.filter((id) => !allowed.has(id));
    if (extra.length > 0) {
      out.push({
        what: 'exact',
        expected: `only [${[...allowed].join(', ')}]`,
        actual: `also [${extra.join(', ')}]; ${cardList}`,
      });
    }
  }
  checkText(out, 'summaryIncludes', expect.summaryIncludes, own?.summary);
  checkText(out, 'detailIncludes', expect.detailIncludes, own?.detail);
  for (const unwanted of expect.detailExcludes ?? []) {
    if (own?.detail?.includes(unwanted) === true) {
      out.push({
        what: 'detailExcludes',
        expected: `does not contain "${unwanted}"`,
        actual: `"${own.detail}"`,
      });
    }
  }
  for (const card of cards) {
    for (const finding of lintCardText(card)) {
      out.push({
        what: 'cardText',
        expected: `no ${finding.pattern} in the ${finding.where} of ${card.source.topic?.code ?? 'a card'}`,
        actual: `"${finding.found}"`,
      });
    }
  }
  return out;
}

function checkText(
  out: VignetteMismatch[],
  what: 'summaryIncludes' | 'detailIncludes',
  wanted: string | undefined,
  text: string | undefined,
): void {
  if (wanted !== undefined && !(text ?? '').includes(wanted)) {
    out.push({
      what,
      expected: `contains "${wanted}"`,
      actual: text === undefined ? 'no text' : `"${text}"`,
    });
  }
}
