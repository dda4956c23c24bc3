import type { QuestionnaireResponse, QuestionnaireResponseItem } from 'fhir/r4';
import type { FactContext } from '../../facts/fact-context';
import { resourceRef } from '../../facts/resource-ref';
import { dvtParam } from '@soleus/core';
import { placeInEpisode } from './place-in-episode';

/** The Wells assessment a clinician attested: linkId → present (true) / absent (false); unanswered items are absent from the map. */
export interface WellsAttestation {
  /** `QuestionnaireResponse/id` it came from. */
  readonly resource: string;
  readonly answers: ReadonlyMap<string, boolean>;
}

/**
 * The latest Wells DVT QuestionnaireResponse (clinical-spec §9.1) authored at or after the episode start:
 * `questionnaire` is the pack's Wells canonical (a `|version` suffix is accepted), status completed or
 * amended. Earlier or undated responses belong to another episode and are ignored.
 * @param ctx - the fact context
 * @returns the attestation, or null when there is none for this episode
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function latestWellsAttestation(ctx: FactContext): WellsAttestation | null {
  const canonical = dvtParam(ctx, 'wellsQuestionnaire', 'string');
  let best: { response: QuestionnaireResponse; atMs: number } | null = null;
  for (const response of ctx.index.ofType('QuestionnaireResponse')) {
    if (response.questionnaire?.split('|')[0] !== canonical) {
      continue;
    }
    if (response.status !== 'completed' && response.status !== 'amended') {
      continue;
    }
    const placed = placeInEpisode(ctx, response.authored, false);
    if (!placed.ok) {
      if (placed.issue) {
        ctx.issues.warn(
          'SOLEUS_FHIR_UNINTERPRETABLE',
          `Wells assessment authored date: ${placed.reason}; not used`,
          { resource: resourceRef(response), path: 'authored' },
          `A recorded Wells assessment ${placed.plain}; not used`,
        );
      }
      continue;
    }
    if (!best || placed.atMs >= best.atMs) {
      best = { response, atMs: placed.atMs };
    }
  }
  if (!best) {
    return null;
  }
  const answers = new Map<string, boolean>();
  collectAnswers(best.response.item ?? [], answers);
  return { resource: resourceRef(best.response), answers };
}

/** Items may sit inside groups; the first boolean answer of each linkId counts. */
function collectAnswers(
  items: readonly QuestionnaireResponseItem[],
  answers: Map<string, boolean>,
): void {
  for (const item of items) {
    const value = item.answer?.[0]?.valueBoolean;
    if (typeof value === 'boolean' && !answers.has(item.linkId)) {
      answers.set(item.linkId, value);
    }
    collectAnswers(item.item ?? [], answers);
  }
}
