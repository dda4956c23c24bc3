import type { MechanismContext } from '../mechanism';
import { dvtParam } from './dvt-param';
import { placeInEpisode } from './place-in-episode';

/** The Wells assessment a clinician attested: linkId → present (true) / absent (false); unanswered items are absent from the map. */
export interface WellsAttestation {
  /** `QuestionnaireResponse/id` it came from. */
  readonly resource: string;
  readonly answers: ReadonlyMap<string, boolean>;
}

/**
 * The latest Wells DVT assessment (clinical-spec §9.1) authored at or after the episode start: a
 * response to the pack's Wells questionnaire (`wellsQuestionnaire`) that counts (completed or amended).
 * Earlier or undated responses belong to another episode and are ignored; an unusable authored date is
 * reported as a data-quality issue.
 * @param ctx - the mechanism context (no responses are known without `ctx.records.answers`)
 * @param episodeStartMs - the episode start
 * @returns the attestation, or null when there is none for this episode
 * @throws {SOLEUS_FACT_SCHEMA} when a DVT pack parameter is missing
 */
export function latestWellsAttestation(
  ctx: MechanismContext,
  episodeStartMs: number,
): WellsAttestation | null {
  const canonical = dvtParam(ctx, 'wellsQuestionnaire', 'string');
  const responses = ctx.records?.answers?.({ questionnaire: canonical }) ?? [];
  let best: { resource: string; answers: ReadonlyMap<string, boolean>; atMs: number } | null = null;
  for (const response of responses) {
    if (!response.status.counts) {
      continue;
    }
    const placed = placeInEpisode(ctx, response.time, false, episodeStartMs);
    if (!placed.ok) {
      if (placed.issue) {
        ctx.issues.add({
          severity: 'warning',
          code: 'SOLEUS_FHIR_UNINTERPRETABLE',
          message: `Wells assessment authored date: ${placed.reason}; not used`,
          location: { resource: response.ref, path: response.timePath },
          clinicianText: `A recorded Wells assessment ${placed.plain}; not used`,
        });
      }
      continue;
    }
    if (!best || placed.atMs >= best.atMs) {
      best = { resource: response.ref, answers: response.answers, atMs: placed.atMs };
    }
  }
  return best ? { resource: best.resource, answers: best.answers } : null;
}
