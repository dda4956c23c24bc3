import fc from 'fast-check';
import { validateCdsResponse } from '../src/cds-hooks/validate-cds-response';
import type { CdsCard, CdsResponse } from '../src/cds-hooks/types';
import { all, del, edited, set, type Edit } from './support/json-edit';

const CARD: CdsCard = {
  uuid: 'c0a8b3e2-0001-4000-8000-000000000001',
  summary: 'NSAID ordered for a patient with CKD stage 4',
  detail: '**Why:** rule `nsaid.ckd` 1.0.0 fired.',
  indicator: 'critical',
  source: {
    label: 'Soleus calf-pain CDS',
    url: 'https://soleus.dev',
    topic: {
      system: 'https://soleus.dev/fhir/CodeSystem/card',
      code: 'nsaid-contraindicated',
      display: 'NSAID contraindicated',
    },
  },
  selectionBehavior: 'at-most-one',
  suggestions: [
    {
      label: 'Withdraw the NSAID order',
      uuid: 's-1',
      isRecommended: true,
      actions: [
        {
          type: 'delete',
          description: 'Remove the draft order',
          resourceId: 'MedicationRequest/mr-1',
        },
      ],
    },
    {
      label: 'Order paracetamol instead',
      uuid: 's-2',
      actions: [
        {
          type: 'create',
          description: 'Add paracetamol',
          resource: {
            resourceType: 'MedicationRequest',
            status: 'draft',
            intent: 'order',
            subject: { reference: 'Patient/p' },
            medicationCodeableConcept: { text: 'paracetamol' },
          },
        },
      ],
    },
  ],
  overrideReasons: [
    {
      system: 'https://soleus.dev/fhir/CodeSystem/override-reason',
      code: 'benefit-outweighs-risk',
      display: 'Benefit outweighs risk',
    },
  ],
  links: [
    { label: 'Guideline', url: 'https://example.org/guideline', type: 'absolute' },
    {
      label: 'Calculator',
      url: 'https://apps.example.org/launch',
      type: 'smart',
      appContext: 'wells',
    },
  ],
};

/** A response holding one copy of CARD with one edit applied. */
function withCard(edit: Edit): unknown {
  return { cards: [edited(CARD, edit)] };
}

/** Reference for REQ 3: an empty value anywhere below `node`, the node included. */
function holdsEmpty(node: unknown): boolean {
  if (node === null || node === '') {
    return true;
  }
  if (typeof node !== 'object') {
    return false;
  }
  const children = Object.values(node);
  return children.length === 0 || children.some(holdsEmpty);
}

describe('validateCdsResponse', () => {
  it('reports an empty value (REQ 3) wherever it sits in an extension, and nothing else', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed: unknown = JSON.parse(JSON.stringify(value));
        const issues = validateCdsResponse({ cards: [], extension: { 'dev.test': parsed } });
        expect(issues.length > 0).toBe(holdsEmpty(parsed));
        issues.forEach((issue) => expect(issue.location?.pointer).toMatch(/^\/extension\//));
      }),
      { seed: 17, numRuns: 500 },
    );
  });

  it.each<[string, CdsResponse]>([
    ['REQ 77: an empty cards array', { cards: [] }],
    ['a card with suggestions, override reasons and links', { cards: [CARD] }],
    [
      'a minimal card',
      { cards: [{ summary: 'Check D-dimer', indicator: 'info', source: { label: 'Soleus' } }] },
    ],
    [
      'systemActions',
      {
        cards: [],
        systemActions: [
          {
            type: 'update',
            description: 'Annotate',
            resource: { resourceType: 'Patient', id: 'p' },
          },
        ],
      },
    ],
  ])('accepts %s', (_name, body) => {
    expect(validateCdsResponse(body)).toEqual([]);
  });

  it.each<[string, unknown, string, RegExp]>([
    ['REQ 74: cards missing', {}, '/cards', /missing required property/],
    ['REQ 74: cards null', { cards: null }, '/cards', /expected array; found null/],
    [
      'REQ 82: summary of 140 characters',
      withCard(set('/summary', 'x'.repeat(140))),
      '/cards/0/summary',
      /expected at most 139 characters; found 140 characters/,
    ],
    [
      'REQ 81: summary missing',
      withCard(del('/summary')),
      '/cards/0/summary',
      /missing required property/,
    ],
    [
      'REQ 3: summary empty',
      withCard(set('/summary', '')),
      '/cards/0/summary',
      /expected at least 1 character/,
    ],
    [
      'REQ 85: indicator outside the enum',
      withCard(set('/indicator', 'hard-stop')),
      '/cards/0/indicator',
      /expected one of "info", "warning", "critical"; found "hard-stop"/,
    ],
    [
      'REQ 105: source.label missing',
      withCard(del('/source/label')),
      '/cards/0/source/label',
      /missing required property/,
    ],
    [
      'REQ 216: source.topic without code',
      withCard(del('/source/topic/code')),
      '/cards/0/source/topic/code',
      /missing required property/,
    ],
    [
      'REQ 3: detail empty',
      withCard(set('/detail', '')),
      '/cards/0/detail',
      /expected at least 1 character/,
    ],
    [
      'REQ 95: suggestions without selectionBehavior',
      withCard(del('/selectionBehavior')),
      '/cards/0/selectionBehavior',
      /missing required property \(selectionBehavior MUST be present/,
    ],
    [
      'selectionBehavior outside the enum',
      withCard(set('/selectionBehavior', 'all')),
      '/cards/0/selectionBehavior',
      /expected one of "at-most-one", "any"; found "all"/,
    ],
    [
      'cds-resp-1: two recommended with at-most-one',
      withCard(set('/suggestions/1/isRecommended', true)),
      '/cards/0/suggestions',
      /expected at most 1 matching item\(s\); found 2 item\(s\) \(cds-resp-1/,
    ],
    [
      'REQ 3: suggestions empty',
      withCard(set('/suggestions', [])),
      '/cards/0/suggestions',
      /expected at least 1 item/,
    ],
    [
      'REQ 117: suggestion label missing',
      withCard(del('/suggestions/0/label')),
      '/cards/0/suggestions/0/label',
      /missing required property/,
    ],
    [
      'REQ 127: action type outside the enum',
      withCard(set('/suggestions/0/actions/0/type', 'DELETE')),
      '/cards/0/suggestions/0/actions/0/type',
      /expected one of "create", "update", "delete"; found "DELETE"/,
    ],
    [
      'cds-resp-5: action description missing',
      withCard(del('/suggestions/0/actions/0/description')),
      '/cards/0/suggestions/0/actions/0/description',
      /missing required property/,
    ],
    [
      'REQ 130: create without resource',
      withCard(del('/suggestions/1/actions/0/resource')),
      '/cards/0/suggestions/1/actions/0/resource',
      /missing required property \(create and update/,
    ],
    [
      'cds-resp-2: delete without resourceId',
      withCard(del('/suggestions/0/actions/0/resourceId')),
      '/cards/0/suggestions/0/actions/0/resourceId',
      /missing required property \(cds-resp-2/,
    ],
    [
      'cds-resp-2: delete carrying a resource',
      withCard(
        set('/suggestions/0/actions/0/resource', {
          resourceType: 'MedicationRequest',
          id: 'mr-1',
        }),
      ),
      '/cards/0/suggestions/0/actions/0/resource',
      /not allowed here \(cds-resp-2/,
    ],
    [
      'REQ 138: link label missing',
      withCard(del('/links/0/label')),
      '/cards/0/links/0/label',
      /missing required property/,
    ],
    [
      'REQ 140: link url not absolute',
      withCard(set('/links/0/url', '/guideline')),
      '/cards/0/links/0/url',
      /expected a string of format uri|expected a string of pattern/,
    ],
    [
      'REQ 141: link type outside the enum',
      withCard(set('/links/0/type', 'relative')),
      '/cards/0/links/0/type',
      /expected one of "absolute", "smart"/,
    ],
    [
      'cds-resp-3: appContext on an absolute link',
      withCard(set('/links/0/appContext', 'x')),
      '/cards/0/links/0/appContext',
      /not allowed here \(cds-resp-3/,
    ],
    [
      'REQ 101: override reason without display',
      withCard(del('/overrideReasons/0/display')),
      '/cards/0/overrideReasons/0/display',
      /missing required property/,
    ],
    [
      'override reason without system',
      withCard(del('/overrideReasons/0/system')),
      '/cards/0/overrideReasons/0/system',
      /missing required property/,
    ],
    [
      'REQ 3: null optional attribute',
      withCard(set('/uuid', null)),
      '/cards/0/uuid',
      /expected string; found null/,
    ],
    [
      'REQ 3: empty links array',
      withCard(set('/links', [])),
      '/cards/0/links',
      /expected at least 1 item/,
    ],
    [
      'unknown card attribute',
      withCard(set('/severity', 'high')),
      '/cards/0/severity',
      /unknown property; expected only uuid, summary/,
    ],
    [
      'REQ 3: empty value inside an action resource',
      withCard(set('/suggestions/1/actions/0/resource/note', [])),
      '/cards/0/suggestions/1/actions/0/resource/note',
      /expected a value or an absent key \(CDS Hooks REQ 3\); found \[\]/,
    ],
    [
      'REQ 3: null inside an action resource',
      withCard(set('/suggestions/1/actions/0/resource/status', null)),
      '/cards/0/suggestions/1/actions/0/resource/status',
      /found null/,
    ],
  ])('rejects %s', (_name, body, pointer, what) => {
    const issues = validateCdsResponse(body);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'SOLEUS_HOOK_INVALID_RESPONSE',
      severity: 'error',
      location: { pointer },
    });
    expect(issues[0]?.message.startsWith(`response#${pointer}: `)).toBe(true);
    expect(issues[0]?.message).toMatch(what);
  });

  it('cds-resp-1: several recommended suggestions are fine with selectionBehavior any', () => {
    const body = withCard(
      all(set('/selectionBehavior', 'any'), set('/suggestions/1/isRecommended', true)),
    );
    expect(validateCdsResponse(body)).toEqual([]);
  });
});
