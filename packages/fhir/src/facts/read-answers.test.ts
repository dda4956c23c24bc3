import type { FhirResource, QuestionnaireResponse } from 'fhir/r4';
import type { TerminologyProvider } from '@soleus/core';
import { readAnswers } from './read-answers';
import { recordReader } from './record-reader';
import { indexRecord } from './record-index';

const FORM = 'https://example.org/Questionnaire/form';
const NO_TERMINOLOGY: TerminologyProvider = {
  contains: () => false,
  has: () => false,
  valueSets: () => [],
};

function response(id: string, extra: Partial<QuestionnaireResponse> = {}): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    id,
    questionnaire: FORM,
    status: 'completed',
    authored: '2026-11-21T09:30:00Z',
    ...extra,
  };
}

function indexOf(...resources: FhirResource[]) {
  return indexRecord(
    resources.map((resource) => ({ resource })),
    NO_TERMINOLOGY,
  );
}

describe('readAnswers: the responses to one questionnaire, read plainly', () => {
  it('reads ref, authored time, status and the boolean answers, groups included', () => {
    const [reading] = readAnswers(
      indexOf(
        response('r1', {
          item: [
            { linkId: 'a', answer: [{ valueBoolean: true }] },
            {
              linkId: 'group',
              item: [
                { linkId: 'b', answer: [{ valueBoolean: false }, { valueBoolean: true }] },
                { linkId: 'a', answer: [{ valueBoolean: false }] },
                { linkId: 'text', answer: [{ valueString: 'yes' }] },
              ],
            },
            { linkId: 'unanswered' },
          ],
        }),
      ),
      { questionnaire: FORM },
    );
    expect(reading).toEqual({
      ref: 'QuestionnaireResponse/r1',
      time: { epochMs: Date.parse('2026-11-21T09:30:00Z'), precision: 'time' },
      timePath: 'authored',
      status: { counts: true, path: 'status' },
      answers: new Map([
        ['a', true],
        ['b', false],
      ]),
    });
  });

  it('keeps only responses to the questionnaire asked, any version, in record order', () => {
    const index = indexOf(
      response('versioned', { questionnaire: `${FORM}|2.0` }),
      response('other', { questionnaire: 'https://example.org/Questionnaire/other' }),
      response('none', { questionnaire: undefined }),
      response('plain'),
    );
    expect(readAnswers(index, { questionnaire: FORM }).map((r) => r.ref)).toEqual([
      'QuestionnaireResponse/versioned',
      'QuestionnaireResponse/plain',
    ]);
  });

  it('a finished response counts; a draft or stopped one does not, with the reason', () => {
    const index = indexOf(
      response('done'),
      response('amended', { status: 'amended' }),
      response('draft', { status: 'in-progress' }),
      response('stopped', { status: 'stopped' }),
    );
    const status = readAnswers(index, { questionnaire: FORM }).map((r) => [r.ref, r.status]);
    expect(status).toEqual([
      ['QuestionnaireResponse/done', { counts: true, path: 'status' }],
      ['QuestionnaireResponse/amended', { counts: true, path: 'status' }],
      [
        'QuestionnaireResponse/draft',
        {
          counts: false,
          reason: 'status "in-progress" is not a completed response',
          plain: 'is in progress, not completed',
          path: 'status',
        },
      ],
      ['QuestionnaireResponse/stopped', expect.objectContaining({ counts: false })],
    ]);
  });

  it('an undated or coarsely dated response keeps its time (null, or its precision)', () => {
    const index = indexOf(
      response('undated', { authored: undefined }),
      response('month', { authored: '2026-11' }),
    );
    expect(readAnswers(index, { questionnaire: FORM }).map((r) => r.time)).toEqual([
      null,
      { epochMs: Date.parse('2026-11-01T00:00:00Z'), precision: 'month' },
    ]);
  });
});

describe('recordReader: answers and describe', () => {
  it('answers through readAnswers; describe names an entry by Type/id, null when not held', () => {
    const reader = recordReader(
      indexOf(response('r1'), {
        resourceType: 'Condition',
        id: 'c1',
        subject: { reference: 'Patient/p1' },
        code: { text: 'Named condition' },
        onsetDateTime: '2019-05-01',
      }),
    );
    expect(reader.answers?.({ questionnaire: FORM }).map((r) => r.ref)).toEqual([
      'QuestionnaireResponse/r1',
    ]);
    expect(reader.describe?.('Condition/c1')).toEqual({
      name: 'Named condition',
      atMs: Date.parse('2019-05-01T00:00:00Z'),
    });
    expect(reader.describe?.('QuestionnaireResponse/r1')).toEqual({
      atMs: Date.parse('2026-11-21T09:30:00Z'),
    });
    expect(reader.describe?.('Condition/missing')).toBeNull();
  });
});
