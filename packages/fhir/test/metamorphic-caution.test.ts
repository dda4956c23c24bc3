/**
 * Metamorphic suite, part 2 (issue 11): for EVERY vignette, removing one datum or downgrading one final
 * result to preliminary may only make the result more cautious. Downgrading: never a `dvt-excluded` or
 * `dvt-confirmed` that was not there. Removing: the same, unless the datum removed was itself a reason
 * for caution (evidence of a fact that was true, positive, therapeutic, likely, indeterminate or unknown:
 * a pregnancy, an anticoagulant, a positive test, a red flag). Both: never one contraindication or
 * warning fewer, unless that card was built on the very resource (its facts' evidence). Unknown is never
 * negative.
 */
import {
  downgradeOneResult,
  removeOneDatum,
  type CautiousVariant,
} from './support/metamorphic/cautious-variants';
import {
  contextPatientId,
  runBaselines,
  runVignette,
  type VignetteRun,
} from './support/metamorphic/run-vignette';
import { loadVignetteCases } from './support/metamorphic/vignette-cases';

const cases = loadVignetteCases();
let baselines = new Map<string, VignetteRun>();

beforeAll(async () => {
  baselines = await runBaselines(cases);
});
/** Cards that must not appear from less data. */
const CLOSING = ['dvt-excluded', 'dvt-confirmed'];
/** Work-up cards of the DVT pathway replace one another as data go; they are not contraindications. */
const isCaution = (id: string, indicator: string): boolean =>
  indicator !== 'info' && id !== 'data-quality' && !id.startsWith('dvt-');

function violations(
  before: VignetteRun,
  after: VignetteRun,
  changed: string,
  removed: boolean,
): string[] {
  const had = new Set(before.cards.map((c) => c.id));
  const has = new Set(after.cards.map((c) => c.id));
  const reasonGone = removed && before.raising.has(changed);
  const problems = CLOSING.filter((id) => has.has(id) && !had.has(id) && !reasonGone).map(
    (id) => `${id} appeared`,
  );
  for (const card of before.cards) {
    const builtOnIt = before.support.get(card.id)?.has(changed) === true;
    if (isCaution(card.id, card.indicator) && !has.has(card.id) && !builtOnIt) {
      problems.push(`${card.id} (${card.indicator}) disappeared`);
    }
  }
  return problems;
}

describe.each<[string, (bundle: unknown) => CautiousVariant[], boolean]>([
  ['remove one datum', removeOneDatum, true],
  ['downgrade one final result to preliminary', downgradeOneResult, false],
])('metamorphic (more cautious only): %s', (_name, variantsOf, removed) => {
  it('never excludes, confirms or drops a caution on less or less certain data, in every vignette case', async () => {
    const failures: unknown[] = [];
    let variants = 0;
    for (const input of cases) {
      const patientId = contextPatientId(input);
      const before = baselines.get(input.name);
      if (before === undefined) {
        throw new Error(`no baseline for ${input.name}`);
      }
      for (const variant of variantsOf(input.bundle)) {
        variants += 1;
        const after = await runVignette(input, variant.bundle, input.drafts, patientId);
        const problems = violations(before, after, variant.resource, removed);
        if (problems.length > 0) {
          failures.push({ case: input.name, changed: variant.resource, problems });
        }
      }
    }
    expect(failures).toEqual([]);
    expect(variants).toBeGreaterThan(100);
  });
});
