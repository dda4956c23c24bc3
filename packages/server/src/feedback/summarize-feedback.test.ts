import type { FeedbackRecord } from './feedback-store';
import { summarizeFeedback } from './summarize-feedback';
import {
  cardsRecord,
  feedbackItem,
  SCENARIO_RECORDS,
  SCENARIO_SUMMARY,
} from '../../test/support/feedback-scenario';

const AT = '2026-01-15T10:00:00Z';
const cards = (serviceId: string, ...pairs: [string, string][]): FeedbackRecord =>
  cardsRecord(serviceId, 'h-1', ...pairs);
const fb = (
  card: string,
  outcome: 'accepted' | 'overridden',
  ts: string,
  serviceId = 's',
): FeedbackRecord => feedbackItem(serviceId, card, outcome, ts);

describe('summarizeFeedback', () => {
  it.each<[string, FeedbackRecord[], string | undefined, unknown]>([
    ['no records → no rules', [], undefined, { rules: [], unattributed: 0 }],
    [
      'cards without feedback → rates unknown (null), never 0',
      [cards('s', ['u1', 'r.a'])],
      undefined,
      {
        rules: [
          {
            ruleId: 'r.a',
            cardsIssued: 1,
            accepted: 0,
            overridden: 0,
            acceptRate: null,
            overrideRate: null,
          },
        ],
        unattributed: 0,
      },
    ],
    [
      'a repeat counts once with its latest outcome',
      [
        cards('s', ['u1', 'r.a']),
        fb('u1', 'accepted', '2026-01-15T09:10:00Z'),
        fb('u1', 'overridden', '2026-01-15T09:00:00Z'),
      ],
      undefined,
      {
        rules: [
          {
            ruleId: 'r.a',
            cardsIssued: 1,
            accepted: 1,
            overridden: 0,
            acceptRate: 1,
            overrideRate: 0,
          },
        ],
        unattributed: 0,
      },
    ],
    [
      'feedback on an unrecorded card goes to "unknown"',
      [fb('ghost', 'overridden', AT)],
      undefined,
      {
        rules: [
          {
            ruleId: 'unknown',
            cardsIssued: 0,
            accepted: 0,
            overridden: 1,
            acceptRate: 0,
            overrideRate: 1,
          },
        ],
        unattributed: 1,
      },
    ],
    [
      'a service filter ignores the other services',
      [cards('s', ['u1', 'r.a']), cards('t', ['u2', 'r.b']), fb('u2', 'accepted', AT, 't')],
      's',
      {
        rules: [
          {
            ruleId: 'r.a',
            cardsIssued: 1,
            accepted: 0,
            overridden: 0,
            acceptRate: null,
            overrideRate: null,
          },
        ],
        unattributed: 0,
      },
    ],
  ])('%s', (_name, records, serviceId, want) => {
    expect(summarizeFeedback(records, serviceId)).toEqual(want);
  });
});

describe('summarizeFeedback over the shared scenario (the PostgreSQL aggregate must agree)', () => {
  it.each(['pv', 'os'] as const)('service %s', (serviceId) => {
    expect(summarizeFeedback(SCENARIO_RECORDS, serviceId)).toEqual(SCENARIO_SUMMARY[serviceId]);
  });
});
