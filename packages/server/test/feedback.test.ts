/**
 * Feedback end to end (CDS Hooks §feedback, REQ 148–166): accepted, overridden, invalid, batches and
 * repeats; the JSONL store behind it; and the per-rule summary that joins feedback to the rule that
 * issued each card.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { validateCdsResponse } from '@soleus/fhir';
import { buildApp } from '../src/build-app';
import { createJsonlFeedbackStore } from '../src/feedback/jsonl-feedback-store';
import { patientViewRequest, PARTIAL_PATIENT } from './support/cds-requests';
import { captureLogs } from './support/log-capture';
import { loadTestRuleSet, NOW, PATIENT_VIEW } from './support/test-rule-set';

const FEEDBACK_URL = `/cds-services/${PATIENT_VIEW}/feedback`;
const REASON = {
  system: 'https://soleus.dev/fhir/CodeSystem/override-reason',
  code: 'already-addressed',
  display: 'Already addressed',
};

let dir: string;
let file: string;
let app: FastifyInstance;

async function feedbackApp(storeFile: string): Promise<FastifyInstance> {
  return buildApp({
    ruleSet: await loadTestRuleSet(),
    clock: () => NOW,
    logStream: captureLogs().stream,
    feedbackStore: createJsonlFeedbackStore(storeFile),
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'soleus-feedback-'));
  file = join(dir, 'feedback.jsonl');
  app = await feedbackApp(file);
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

async function issueCard(target = app): Promise<string> {
  const res = await target.inject({
    method: 'POST',
    url: `/cds-services/${PATIENT_VIEW}`,
    payload: patientViewRequest(PARTIAL_PATIENT),
  });
  expect(validateCdsResponse(res.json())).toEqual([]);
  const uuid = res.json<{ cards: { uuid: string }[] }>().cards[0]?.uuid;
  expect(uuid).toEqual(expect.any(String));
  return uuid ?? '';
}

function sendFeedback(body: unknown, url = FEEDBACK_URL, target = app) {
  return target.inject({ method: 'POST', url, payload: body as object });
}

function item(
  card: string,
  outcome: 'accepted' | 'overridden',
  at: string,
): Record<string, unknown> {
  return outcome === 'accepted'
    ? { card, outcome, acceptedSuggestions: [{ id: 's-1' }], outcomeTimestamp: at }
    : {
        card,
        outcome,
        overrideReason: { reason: REASON, userComment: 'PHI-LIKE FREE TEXT' },
        outcomeTimestamp: at,
      };
}

describe('feedback endpoint', () => {
  it.each<[string, unknown, number]>([
    [
      'REQ 151/166: accepted with acceptedSuggestions → 200',
      { feedback: [item('c-a', 'accepted', '2026-01-15T09:00:00Z')] },
      200,
    ],
    [
      'REQ 158: overridden with a reason → 200',
      { feedback: [item('c-o', 'overridden', '2026-01-15T09:00:00Z')] },
      200,
    ],
    [
      'overridden without a reason (allowed) → 200',
      {
        feedback: [
          { card: 'c-n', outcome: 'overridden', outcomeTimestamp: '2026-01-15T09:00:00Z' },
        ],
      },
      200,
    ],
    [
      'cds-fb-1: unknown outcome → 400',
      { feedback: [{ card: 'c-x', outcome: 'ignored', outcomeTimestamp: '2026-01-15T09:00:00Z' }] },
      400,
    ],
    [
      'cds-fb-2: accepted without acceptedSuggestions → 400',
      {
        feedback: [{ card: 'c-x', outcome: 'accepted', outcomeTimestamp: '2026-01-15T09:00:00Z' }],
      },
      400,
    ],
    ['REQ 151: no feedback array → 400', { card: 'c-x' }, 400],
  ])('%s', async (_name, body, status) => {
    const res = await sendFeedback(body);
    expect(res.statusCode).toBe(status);
    if (status === 400) {
      expect(res.json()).toMatchObject({
        resourceType: 'OperationOutcome',
        issue: expect.arrayContaining([
          expect.objectContaining({ details: { text: 'SOLEUS_HOOK_INVALID_FEEDBACK' } }),
        ]),
      });
    }
  });

  it('feedback for an unknown service → 404', async () => {
    const res = await sendFeedback(
      { feedback: [item('c-1', 'accepted', NOW.toISOString())] },
      '/cds-services/nope/feedback',
    );
    expect(res.statusCode).toBe(404);
  });

  it('accepts an override reason without system (liberal) and stores it as |code', async () => {
    const reason = { code: 'data-incorrect', display: 'Patient data incorrect' };
    const res = await sendFeedback({
      feedback: [
        {
          card: 'c-nosys',
          outcome: 'overridden',
          overrideReason: { reason },
          outcomeTimestamp: NOW.toISOString(),
        },
      ],
    });
    expect(res.statusCode).toBe(200);
    const text = await readFile(file, 'utf8');
    expect(text).toContain('"overrideReason":"|data-incorrect"');
    expect(text).not.toContain('undefined|');
  });

  it('stores the reason code but never the free-text comment (PHI)', async () => {
    await sendFeedback({ feedback: [item('c-phi', 'overridden', NOW.toISOString())] });
    const text = await readFile(file, 'utf8');
    expect(text).toContain(`${REASON.system}|${REASON.code}`);
    expect(text).not.toContain('PHI-LIKE FREE TEXT');
  });
});

describe('feedback summary', () => {
  it('REQ 148 + §feedback: batches and repeats count each card once, by its latest outcome, per rule id', async () => {
    const [first, second, third] = [await issueCard(), await issueCard(), await issueCard()];
    const batch = [
      item(first, 'overridden', '2026-01-15T09:00:00Z'),
      item(second, 'accepted', '2026-01-15T09:00:00Z'),
      item(first, 'accepted', '2026-01-15T09:05:00Z'), // repeat: the later outcome wins
    ];
    expect((await sendFeedback({ feedback: batch })).statusCode).toBe(200);
    expect(
      (await sendFeedback({ feedback: [item(third, 'overridden', '2026-01-15T09:01:00Z')] }))
        .statusCode,
    ).toBe(200);
    // Card records are queued before the feedback on the same FIFO store, so they are on disk by now.
    const res = await app.inject({ method: 'GET', url: `${FEEDBACK_URL}/summary` });
    expect(res.statusCode).toBe(200);
    const summary = res.json<{ rules: { ruleId: string }[]; skippedLines: number }>();
    expect(summary.skippedLines).toBe(0);
    expect(summary.rules.find((r) => r.ruleId === 'data-quality')).toEqual({
      ruleId: 'data-quality',
      cardsIssued: 3,
      accepted: 2,
      overridden: 1,
      acceptRate: 2 / 3,
      overrideRate: 1 / 3,
    });
  });

  it('metrics count feedback outcomes (on an app of its own, so the order tests run in does not matter)', async () => {
    const own = await feedbackApp(join(dir, 'metrics-feedback.jsonl'));
    try {
      const cards = [await issueCard(own), await issueCard(own), await issueCard(own)];
      const batch = [
        item(cards[0] ?? '', 'accepted', '2026-01-15T09:00:00Z'),
        item(cards[1] ?? '', 'overridden', '2026-01-15T09:00:00Z'),
      ];
      expect((await sendFeedback({ feedback: batch }, FEEDBACK_URL, own)).statusCode).toBe(200);
      const text = (await own.inject({ method: 'GET', url: '/metrics' })).body;
      expect(text).toMatch(/soleus_feedback_total\{outcome="accepted"\} 1\n/);
      expect(text).toMatch(/soleus_feedback_total\{outcome="overridden"\} 1\n/);
      expect(text).toMatch(/soleus_cards_total\{rule_id="data-quality",indicator="info"\} 3\n/);
    } finally {
      await own.close();
    }
  });
});
