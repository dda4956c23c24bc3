import { validateFeedback } from '../src/cds-hooks/validate-feedback';
import { del, edited, set, type Edit } from './support/json-edit';

const ACCEPTED = {
  card: 'c0a8b3e2-0001-4000-8000-000000000001',
  outcome: 'accepted',
  acceptedSuggestions: [{ id: 's-1' }],
  outcomeTimestamp: '2026-03-01T09:00:00Z',
};

const OVERRIDDEN = {
  card: 'c0a8b3e2-0001-4000-8000-000000000002',
  outcome: 'overridden',
  overrideReason: {
    reason: {
      system: 'https://soleus.dev/fhir/CodeSystem/override-reason',
      code: 'benefit-outweighs-risk',
      display: 'Benefit outweighs risk',
    },
    userComment: 'discussed with patient',
  },
  outcomeTimestamp: '2026-03-01T09:01:00Z',
};

/** A feedback body holding one copy of `base` with one edit applied. */
function item(base: object, edit: Edit): unknown {
  return { feedback: [edited(base, edit)] };
}

describe('validateFeedback', () => {
  it.each([
    ['accepted and overridden items in one batch', { feedback: [ACCEPTED, OVERRIDDEN] }],
    ['REQ 35: override without a reason', item(OVERRIDDEN, del('/overrideReason'))],
    ['cds-fb-3: a reason-only override', item(OVERRIDDEN, del('/overrideReason/userComment'))],
    ['cds-fb-3: a comment-only override', item(OVERRIDDEN, del('/overrideReason/reason'))],
  ])('REQ 151: accepts %s', (_name, body) => {
    expect(validateFeedback(body)).toEqual({ ok: true, feedback: body });
  });

  it.each<[string, unknown, string, RegExp]>([
    ['feedback missing', {}, '/feedback', /missing required property/],
    ['feedback empty', { feedback: [] }, '/feedback', /expected at least 1 item/],
    [
      'REQ 152: card missing',
      item(ACCEPTED, del('/card')),
      '/feedback/0/card',
      /missing required property/,
    ],
    [
      'cds-fb-1: outcome outside the enum',
      item(ACCEPTED, set('/outcome', 'ignored')),
      '/feedback/0/outcome',
      /expected one of "accepted", "overridden"; found "ignored" \(cds-fb-1/,
    ],
    [
      'cds-fb-2: accepted without acceptedSuggestions',
      item(ACCEPTED, del('/acceptedSuggestions')),
      '/feedback/0/acceptedSuggestions',
      /missing required property \(cds-fb-2/,
    ],
    [
      'accepted suggestion without id',
      item(ACCEPTED, set('/acceptedSuggestions', [{}])),
      '/feedback/0/acceptedSuggestions/0/id',
      /missing required property/,
    ],
    [
      'cds-fb-3: empty override reason',
      item(OVERRIDDEN, set('/overrideReason', {})),
      '/feedback/0/overrideReason',
      /expected a non-empty object; found object \(cds-fb-3/,
    ],
    [
      'override reason coding without code',
      item(OVERRIDDEN, del('/overrideReason/reason/code')),
      '/feedback/0/overrideReason/reason/code',
      /missing required property/,
    ],
    [
      'REQ 166: outcomeTimestamp missing',
      item(ACCEPTED, del('/outcomeTimestamp')),
      '/feedback/0/outcomeTimestamp',
      /missing required property/,
    ],
    [
      'REQ 166: outcomeTimestamp not a date-time',
      item(ACCEPTED, set('/outcomeTimestamp', 'yesterday')),
      '/feedback/0/outcomeTimestamp',
      /expected a string of format date-time; found a string that does not match/,
    ],
  ])('rejects %s', (_name, body, pointer, what) => {
    const result = validateFeedback(body);
    if (result.ok) {
      throw new Error('expected the feedback to be rejected');
    }
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({
      code: 'SOLEUS_HOOK_INVALID_FEEDBACK',
      location: { pointer },
    });
    expect(result.issues[0]?.message.startsWith(`feedback#${pointer}: `)).toBe(true);
    expect(result.issues[0]?.message).toMatch(what);
    expect(result.outcome.issue[0]).toMatchObject({
      code: 'invalid',
      diagnostics: result.issues[0]?.message,
    });
  });
});
