/**
 * Metamorphic suite, part 1 (issue 11): for EVERY vignette, transformations that real feeds apply without
 * changing what is known about the patient must not change the cards. Another patient's resources and
 * superseded versions may only add the one issue that counts them (on the data-quality card for another
 * patient's data, for the operator only for superseded versions); every other
 * transformation must leave the whole response (data-quality card included) as it was. Evaluated
 * in-process through evaluateRecord (the path the CLI and the service share); baselines once per case.
 */
import {
  contextPatientId,
  runBaselines,
  runVignette,
  type CardKey,
  type VignetteRun,
} from './support/metamorphic/run-vignette';
import {
  addEnteredInErrorCopy,
  addForeignPatient,
  addOlderVersion,
  containMedications,
  convertUnits,
  reorderEntries,
  shiftTimeZone,
  type Transformation,
} from './support/metamorphic/transformations';
import { loadVignetteCases } from './support/metamorphic/vignette-cases';

const cases = loadVignetteCases();
let baselines = new Map<string, VignetteRun>();

beforeAll(async () => {
  baselines = await runBaselines(cases);
});

const lines = (cards: readonly CardKey[], withDataQuality: boolean): string[] =>
  cards
    .filter((c) => withDataQuality || c.id !== 'data-quality')
    .map((c) => `${c.id} | ${c.indicator} | ${c.summary}`);

describe.each<[string, Transformation, 'clinical' | 'all', RegExp | null]>([
  [addForeignPatient.name, addForeignPatient, 'clinical', /not used: .*of another patient/],
  [addOlderVersion.name, addOlderVersion, 'all', /superseded by a later version/],
  [addEnteredInErrorCopy.name, addEnteredInErrorCopy, 'all', null],
  [reorderEntries.name, reorderEntries, 'all', null],
  [containMedications.name, containMedications, 'all', null],
  [shiftTimeZone.name, shiftTimeZone, 'all', null],
  [convertUnits.name, convertUnits, 'all', null],
])('metamorphic: %s', (_name, transformation, compared, dataQualityLine) => {
  it('leaves the cards of every vignette case unchanged', async () => {
    const failures: unknown[] = [];
    let transformed = 0;
    for (const input of cases) {
      const before = baselines.get(input.name);
      const changed = transformation.apply({ bundle: input.bundle, drafts: input.drafts });
      if (
        JSON.stringify(changed) === JSON.stringify({ bundle: input.bundle, drafts: input.drafts })
      ) {
        continue;
      }
      transformed += 1;
      const after = await runVignette(
        input,
        changed.bundle,
        changed.drafts,
        contextPatientId(input),
      );
      const want = lines(before?.cards ?? [], compared === 'all');
      const got = lines(after.cards, compared === 'all');
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        failures.push({ case: input.name, before: want, after: got });
      } else if (dataQualityLine && !after.issues.some((l) => dataQualityLine.test(l))) {
        failures.push({
          case: input.name,
          missing: String(dataQualityLine),
          got: after.issues,
        });
      }
    }
    expect(failures).toEqual([]);
    // A transformation that changes nothing would prove nothing.
    expect(transformed).toBeGreaterThan(0);
  });
});

it('covers every vignette case', () => {
  expect(baselines.size).toBe(cases.length);
  expect(cases.length).toBeGreaterThan(300);
});
