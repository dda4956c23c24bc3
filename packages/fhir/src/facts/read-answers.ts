/**
 * The adapter side of `RecordReader.answers` (@soleus/core): the QuestionnaireResponses to one
 * questionnaire, read plainly — reference, status, authored time and the boolean answers by linkId.
 * Nothing here names a clinical questionnaire; the mechanism decides which response counts for what.
 */
import type { AnswersQuery, AnswersReading, ReadingStatus } from '@soleus/core';
import type { QuestionnaireResponse, QuestionnaireResponseItem } from 'fhir/r4';
import { parseFhirDate } from '../fhir/parse-fhir-date';
import type { RecordIndex } from './record-index';
import { resourceRef } from './resource-ref';

// QuestionnaireResponse.status values of a finished response (FHIR R4 questionnaire-answers-status).
const FINISHED = new Set(['completed', 'amended']);

/**
 * @param index - the request's record index
 * @param query - the questionnaire's canonical url (a `|version` suffix on a response is ignored)
 * @returns one reading per response to it, in record order, whatever its status
 */
export function readAnswers(index: RecordIndex, query: AnswersQuery): AnswersReading[] {
  return index
    .ofType('QuestionnaireResponse')
    .filter((response) => response.questionnaire?.split('|')[0] === query.questionnaire)
    .map((response) => ({
      ref: resourceRef(response),
      time: parseFhirDate(response.authored),
      timePath: 'authored',
      status: statusOf(response),
      answers: booleanAnswers(response.item ?? [], new Map()),
    }));
}

function statusOf(response: QuestionnaireResponse): ReadingStatus {
  const status = response.status;
  return FINISHED.has(status)
    ? { counts: true, path: 'status' }
    : {
        counts: false,
        reason: `status "${status}" is not a completed response`,
        plain: `is ${status.replace(/-/g, ' ')}, not completed`,
        path: 'status',
      };
}

/** Items may sit inside groups; the first boolean answer of each linkId counts. */
function booleanAnswers(
  items: readonly QuestionnaireResponseItem[],
  answers: Map<string, boolean>,
): Map<string, boolean> {
  for (const item of items) {
    const value = item.answer?.[0]?.valueBoolean;
    if (typeof value === 'boolean' && !answers.has(item.linkId)) {
      answers.set(item.linkId, value);
    }
    booleanAnswers(item.item ?? [], answers);
  }
  return answers;
}
