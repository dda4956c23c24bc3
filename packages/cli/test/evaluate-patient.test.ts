/**
 * Issue 11: `soleus evaluate` uses one patient's data. Without `--patient` the bundle must hold one
 * Patient (else SOLEUS_FHIR_PATIENT_AMBIGUOUS, exit 2: nothing is guessed); with it, the other patient's
 * resources are ignored and counted on one data-quality line.
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

  it('uses only the named patient; the rest is one line on the data-quality card', async () => {
    const r = await runCommand(evaluateCommand, args(sharedBundle(), '--patient', 'p1'));
    expect(r.code).toBe(0);
    const cards = (JSON.parse(r.out) as { cards: { summary: string; detail?: string }[] }).cards;
    const details = cards.map((c) => c.detail ?? '').join('\n');
    expect(details).toContain(
      '2 resource(s) not used: 2 of another patient or without a reference to this patient (Patient, Condition)',
    );
  });

  it('the same bundle for the other patient counts that patient’s data and ignores p1', async () => {
    const r = await runCommand(evaluateCommand, args(sharedBundle(), '--patient', 'p2'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('1 resource(s) not used: 1 of another patient');
  });
});
