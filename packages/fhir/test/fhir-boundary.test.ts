/**
 * Issue 12 audit findings at the FHIR boundary, one test each, on realistic requests (the vignette
 * records split over the discovery prefetch keys): a wrongly typed or missing element never costs the
 * clinician the cards. Each broken element is left out or its resource skipped and reported once with
 * the resource and the element path; a clinician reads it, in plain words, in the card it could change
 * or on the data-quality card when it could only have changed a card that did not fire, and otherwise
 * it is only counted (issue 15, docs/reference/data-quality.md). Every other card still comes.
 */
import type { FhirResource } from 'fhir/r4';
import { DEFAULT_CONTENT, loadRuleSet, type RuleSet } from '@soleus/core';
import { lintCardText } from '../src/cards/lint-card-text';
import type { CdsResponse } from '../src/cds-hooks/types';
import { clinicianLine } from '../src/issues/clinician-line';
import { contractBreach, runCall, warmUp, type FuzzOutcome } from './fuzz/fuzz-call';
import { loadFuzzSeeds, type FuzzSeed } from './fuzz/fuzz-seeds';

let ruleSet: RuleSet;
let seeds: FuzzSeed[];

beforeAll(async () => {
  ruleSet = await loadRuleSet(DEFAULT_CONTENT);
  seeds = loadFuzzSeeds(ruleSet);
  // The 1 s bound is per call, not the process's one-time compilation (schemas, engines, index).
  await warmUp(ruleSet, seeds);
});

type Json = Record<string, unknown>;

/** Sends a vignette's request after an edit of a deep copy. */
async function callEdited(name: string, edit: (request: Json) => void): Promise<FuzzOutcome> {
  const seed = seeds.find((s) => s.name === name);
  if (!seed) {
    throw new Error(`no seed ${name}`);
  }
  const request = structuredClone(seed.request) as Json;
  edit(request);
  return runCall(ruleSet, { ...seed, seed: name, request });
}

const prefetch = (request: Json): Record<string, Json> =>
  request['prefetch'] as Record<string, Json>;
const entries = (request: Json, key: string): { resource?: unknown }[] =>
  (prefetch(request)[key] as { entry: { resource?: unknown }[] }).entry;
const drafts = (request: Json): Json[] =>
  ((request['context'] as Json)['draftOrders'] as { entry: { resource: Json }[] }).entry.map(
    (e) => e.resource,
  );
const add = (request: Json, key: string, resource: Json): void => {
  entries(request, key).push({ resource });
};
/** Where a clinician reads an issue: in a clinical card, on the data-quality card, or nowhere. */
type Shown = 'card' | 'data-quality' | 'counted';

/**
 * The issue whose message names `reported` (resource and element path, or prefetch pointer) is raised
 * once, goes where `shown` says, and each card it was written into carries its clinician line, which
 * reads as clinician text.
 */
function expectReported(outcome: FuzzOutcome, reported: string, shown: Shown): void {
  const raised = (outcome.result.issues ?? []).filter((i) => i.message.includes(reported));
  expect(raised.length).toBeGreaterThan(0);
  const { cards } = outcome.result.body as CdsResponse;
  for (const issue of raised) {
    const shownIn = issue.shownIn ?? [];
    const where: Shown =
      shownIn.length === 0 ? 'counted' : shownIn.includes('data-quality') ? 'data-quality' : 'card';
    expect({ reported, where }).toEqual({ reported, where: shown });
    for (const id of shownIn) {
      const card = cards.find((c) => c.source.topic?.code === id);
      expect(card?.detail).toContain(clinicianLine(issue));
      expect(lintCardText(card ?? { summary: '' })).toEqual([]);
    }
  }
}

/** The edited request answers 200 with a valid body, `card` among its cards, and `reported` where `shown` says. */
async function expectCardsDespite(
  seed: string,
  edit: (request: Json) => void,
  card: string,
  reported: string,
  shown: Shown,
): Promise<void> {
  const outcome = await callEdited(seed, edit);
  expect({ status: outcome.status, breach: contractBreach(outcome) }).toEqual({
    status: 200,
    breach: undefined,
  });
  expect(outcome.cards).toContain(card);
  if (reported !== '') {
    expectReported(outcome, reported, shown);
  }
}

const NSAID = 'nsaid-contraindicated/egfr-29.bundle.json';
const PE = 'pe-emergency/spo2-89.bundle.json';
const observation = (id: string, extra: Json): Json => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  subject: { reference: 'Patient/p1' },
  code: { coding: [{ system: 'http://loinc.org', code: '2823-3' }] },
  effectiveDateTime: '2026-11-21T08:00:00Z',
  ...extra,
});

describe.each<[string, string, (request: Json) => void, string, string, Shown]>([
  [
    'Patient.birthDate as a number',
    NSAID,
    (r) => {
      prefetch(r)['patient'] = { ...prefetch(r)['patient'], birthDate: 19500101 };
    },
    'nsaid-contraindicated',
    'Patient/p1 birthDate',
    'data-quality',
  ],
  [
    'an in-progress Encounter without class',
    PE,
    (r) => {
      add(r, 'encounters', {
        resourceType: 'Encounter',
        id: 'enc-noclass',
        status: 'in-progress',
        subject: { reference: 'Patient/p1' },
      });
    },
    'pe-emergency',
    '',
    'counted',
  ],
  [
    'a null entry in a prefetch searchset (entry: [null])',
    NSAID,
    (r) => {
      entries(r, 'conditions').push(null as never);
    },
    'nsaid-contraindicated',
    'held no FHIR resource',
    'card',
  ],
  [
    'coding as an object instead of an array',
    NSAID,
    (r) => {
      add(r, 'conditions', {
        resourceType: 'Condition',
        id: 'c-object-coding',
        subject: { reference: 'Patient/p1' },
        code: { coding: { system: 'http://snomed.info/sct', code: '84114007' } },
      });
    },
    'nsaid-contraindicated',
    'Condition/c-object-coding code.coding',
    'card',
  ],
  [
    'valueQuantity.unit as a number',
    NSAID,
    (r) => {
      add(
        r,
        'observations',
        observation('k-unit-number', { valueQuantity: { value: 3.1, unit: 5 } }),
      );
    },
    'nsaid-contraindicated',
    'Observation/k-unit-number valueQuantity.unit',
    'counted',
  ],
  [
    'dosageInstruction as an object on the draft order being signed',
    NSAID,
    (r) => {
      const [draft] = drafts(r);
      if (draft) {
        draft['dosageInstruction'] = (draft['dosageInstruction'] as unknown[])[0];
      }
    },
    'nsaid-contraindicated',
    'MedicationRequest/draft-ibu dosageInstruction',
    'card',
  ],
])('%s', (_name, seed, edit, card, reported, shown) => {
  it(`answers 200 with a valid response, still fires ${card} and reports the element (${shown})`, () =>
    expectCardsDespite(seed, edit, card, reported, shown));
});

describe('a draft order without an id (the response must still validate)', () => {
  it('keeps the contraindication card but offers no delete it could not name', async () => {
    const outcome = await callEdited(NSAID, (r) => {
      const [draft] = drafts(r);
      delete draft?.['id'];
    });
    expect(contractBreach(outcome)).toBeUndefined();
    expect(outcome.cards).toContain('nsaid-contraindicated');
    const text = JSON.stringify(outcome.result.body);
    expect(text).not.toContain('"resourceId":"MedicationRequest/(no id)"');
    expect(outcome.result.responseIssues).toBeUndefined();
  });
});

describe('the defensive reading layer', () => {
  it('reads a clean record without a single issue of its own', async () => {
    const outcome = await callEdited(NSAID, () => undefined);
    const codes = (outcome.result.issues ?? []).map((i) => i.code);
    expect(codes).not.toContain('SOLEUS_FHIR_INVALID_RESOURCE');
    expect(outcome.cards).toEqual(expect.arrayContaining(['nsaid-contraindicated']));
  });

  it('skips a resource whose verificationStatus cannot be read instead of counting it', async () => {
    const outcome = await callEdited(NSAID, (r) => {
      add(r, 'conditions', {
        resourceType: 'Condition',
        id: 'hf-unreadable',
        subject: { reference: 'Patient/p1' },
        clinicalStatus: { coding: [{ code: 'active' }] },
        verificationStatus: 'entered-in-error',
        code: { coding: [{ system: 'http://snomed.info/sct', code: '84114007' }] },
      } satisfies Json as unknown as FhirResource as unknown as Json);
    });
    expectReported(outcome, 'Condition/hf-unreadable verificationStatus', 'card');
    const detail = JSON.stringify(outcome.result.body);
    expect(detail).not.toContain('Heart failure');
  });
});

describe('a prefetch value or the draft orders replaced by something that is not a resource', () => {
  it.each<[string, string, (request: Json) => void, string, string, Shown]>([
    [
      'a searchset replaced by a string',
      PE,
      (r) => {
        prefetch(r)['medicationRequests'] = 'none' as never;
      },
      'pe-emergency',
      'request#/prefetch/medicationRequests',
      'card',
    ],
    [
      'a searchset whose resourceType is a number',
      PE,
      (r) => {
        prefetch(r)['procedures'] = { ...prefetch(r)['procedures'], resourceType: 7 };
      },
      'pe-emergency',
      'request#/prefetch/procedures',
      'card',
    ],
    [
      'draftOrders replaced by a List (order-sign)',
      NSAID,
      (r) => {
        (r['context'] as Json)['draftOrders'] = { resourceType: 'List', entry: [] };
      },
      'data-quality',
      'request#/context/draftOrders',
      'data-quality',
    ],
  ])(
    '%s: that data is unknown, the call still answers 200 with the other cards',
    (_n, seed, edit, card, reported, shown) =>
      expectCardsDespite(seed, edit, card, reported, shown),
  );
});
