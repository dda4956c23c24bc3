/**
 * Issue 11: `soleus evaluate` uses one patient's data. Without `--patient` the bundle must hold one
 * Patient (else SOLEUS_FHIR_PATIENT_AMBIGUOUS, exit 2: nothing is guessed); with it, the other patient's
 * resources are ignored and counted as one issue. Issue 15: the clinician reads that issue only where
 * those resources, had they been this patient's (a misfiled entry), could have changed a card.
 */
import { join } from 'node:path';
import { evaluateCommand } from '../src/commands/evaluate-command';
import { runCommand } from './support/run-command';
import { removeTempDirs, tempDirWith } from './support/temp-dir';

afterAll(removeTempDirs);

const heartFailure = (subject: string) => ({
  resourceType: 'Condition',
  id: `hf-${subject}`,
  clinicalStatus: {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
    ],
  },
  code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'I50.9' }] },
  subject: { reference: `Patient/${subject}` },
});

function sharedBundle(): string {
  const bundle = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { resource: { resourceType: 'Patient', id: 'p1', birthDate: '1950-01-01' } },
      { resource: { resourceType: 'Patient', id: 'p2', birthDate: '1990-01-01' } },
      { resource: heartFailure('p2') },
    ],
  };
  return join(tempDirWith({ 'shared.json': bundle }), 'shared.json');
}

const args = (file: string, ...more: string[]) => [
  '--hook',
  'patient-view',
  '--bundle',
  file,
  '--now',
  '2026-11-22T09:00:00Z',
  ...more,
];

describe('soleus evaluate --patient', () => {
  it('refuses a bundle of two patients without --patient (exit 2, nothing guessed)', async () => {
    const r = await runCommand(evaluateCommand, args(sharedBundle()));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/SOLEUS_FHIR_PATIENT_AMBIGUOUS: .*2 Patient resources/);
  });

  it('uses only the named patient; the rest is one issue, counted when it could change no card', async () => {
    const r = await runCommand(
      evaluateCommand,
      args(sharedBundle(), '--patient', 'p1', '--explain'),
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as Explained;
    expect(out.cards).toEqual([]);
    expect(outOfScope(out)).toMatchObject({
      message:
        '2 resource(s) not used: 2 of another patient or without a reference to this patient (Patient, Condition)',
    });
    expect(outOfScope(out)?.shownIn).toBeUndefined();
  });

  it('says it on the card it could change: p2’s heart failure with an NSAID drafted for p1', async () => {
    const drafts = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: ibuprofenDraft('p1') }],
    };
    const draftFile = join(tempDirWith({ 'drafts.json': drafts }), 'drafts.json');
    const orderSign = args(
      sharedBundle(),
      '--patient',
      'p1',
      '--explain',
      '--draft-orders',
      draftFile,
    );
    orderSign[1] = 'order-sign';
    const r = await runCommand(evaluateCommand, orderSign);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as Explained;
    // Not contraindicated on p1's own record; had the heart failure been p1's, it would have been.
    expect(out.cards.map((c) => c.source.topic?.code)).not.toContain('nsaid-contraindicated');
    expect(out.cards.find((c) => c.source.topic?.code === 'data-quality')?.detail).toContain(
      '2 entries filed under another patient or under no patient (patient demographics, a diagnosis) were not used; check the record for a misfiled entry',
    );
    expect(outOfScope(out)?.couldChange).toContain('nsaid-contraindicated');
  });

  it('the same bundle for the other patient counts that patient’s data and ignores p1', async () => {
    const r = await runCommand(
      evaluateCommand,
      args(sharedBundle(), '--patient', 'p2', '--explain'),
    );
    expect(r.code).toBe(0);
    expect(outOfScope(JSON.parse(r.out) as Explained)?.message).toBe(
      '1 resource(s) not used: 1 of another patient or without a reference to this patient (Patient)',
    );
  });
});

interface Explained {
  readonly cards: {
    readonly summary: string;
    readonly detail?: string;
    readonly source: { readonly topic?: { readonly code?: string } };
  }[];
  readonly extension: {
    readonly 'dev.soleus.explanation': {
      readonly issues: {
        readonly code: string;
        readonly message: string;
        readonly shownIn?: string[];
        readonly couldChange?: string[];
      }[];
    };
  };
}

function outOfScope(out: Explained) {
  return out.extension['dev.soleus.explanation'].issues.find(
    (i) => i.code === 'SOLEUS_FHIR_OUT_OF_SCOPE',
  );
}

function ibuprofenDraft(subject: string) {
  return {
    resourceType: 'MedicationRequest',
    id: 'draft-ibu',
    status: 'draft',
    intent: 'order',
    medicationCodeableConcept: {
      coding: [
        {
          system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
          code: '197806',
          display: 'ibuprofen 600 MG Oral Tablet',
        },
      ],
    },
    subject: { reference: `Patient/${subject}` },
  };
}
