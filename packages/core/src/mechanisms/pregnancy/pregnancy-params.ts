import { isSoleusError, SoleusError, type Issue } from '../../errors';

/**
 * The parameters of the pregnancy assessment (shared.facts.json, fact `pregnancy.current`): value sets,
 * windows and thresholds are clinical content, so TypeScript holds none of them and has no defaults.
 */
export interface PregnancyParams {
  /** Pregnancy Conditions (current problem; Z34, Z33.1, O-codes, SNOMED pregnancy findings). */
  readonly conditionValueSet: string;
  /** Weeks-of-gestation codes (Z3A): a pregnancy and its age on the day recorded. */
  readonly weeksValueSet: string;
  /** Completed weeks each weeks-of-gestation code states. */
  readonly weeksByCode: Readonly<Record<string, number>>;
  /** Days added to a code's completed weeks (read at the end of its week: the safe reading). */
  readonly codeWeekEndDays: number;
  /** Gestational-age Observations (a quantity in weeks or days). */
  readonly gestationalAgeValueSet: string;
  /** A gestational age carried forward beyond this many weeks means the pregnancy is over. */
  readonly maxWeeks: number;
  /** Pregnancy-status Observations, the latest within `statusWindow` counts. */
  readonly statusValueSet: string;
  readonly statusWindow: string;
  /** Status values that mean pregnant. */
  readonly pregnantValueSet: string;
  /** hCG results, the latest within `hcgWindow` counts. */
  readonly hcgValueSet: string;
  readonly hcgWindow: string;
  /** Units equal to international units per litre (mIU/mL = IU/L). */
  readonly hcgUnits: readonly string[];
  /** Quantitative hCG at or above this (IU/L) is positive. */
  readonly hcgPositiveAtLeast: number;
  /** Quantitative hCG below this (IU/L) is negative; between the two it is equivocal (unknown). */
  readonly hcgNegativeBelow: number;
  /** Coded qualitative results. */
  readonly positiveResultValueSet: string;
  readonly negativeResultValueSet: string;
}

const STRINGS = [
  'conditionValueSet',
  'weeksValueSet',
  'gestationalAgeValueSet',
  'statusValueSet',
  'statusWindow',
  'pregnantValueSet',
  'hcgValueSet',
  'hcgWindow',
  'positiveResultValueSet',
  'negativeResultValueSet',
] as const;
const NUMBERS = ['codeWeekEndDays', 'maxWeeks', 'hcgPositiveAtLeast', 'hcgNegativeBelow'] as const;

/**
 * Checks and types the parameters of a pregnancy fact.
 * @param params - the derived source's `params`
 * @param fact - the fact name, for the message
 * @returns the typed parameters
 * @throws {SOLEUS_FACT_SCHEMA} naming the first parameter that is missing or of the wrong type
 */
export function readPregnancyParams(
  params: Readonly<Record<string, unknown>>,
  fact: string,
): PregnancyParams {
  const bad = (key: string, expected: string): never => {
    throw new SoleusError(
      'SOLEUS_FACT_SCHEMA',
      `facts: ${fact} params.${key}: expected ${expected}, found ${JSON.stringify(params[key] ?? null)}`,
    );
  };
  STRINGS.forEach((key) => typeof params[key] === 'string' || bad(key, 'a string'));
  NUMBERS.forEach((key) => Number.isFinite(params[key]) || bad(key, 'a number'));
  const units = params['hcgUnits'];
  if (!Array.isArray(units) || !units.every((u) => typeof u === 'string')) {
    bad('hcgUnits', 'an array of unit strings');
  }
  const weeks = params['weeksByCode'];
  if (
    typeof weeks !== 'object' ||
    weeks === null ||
    !Object.values(weeks).every((w) => Number.isFinite(w))
  ) {
    bad('weeksByCode', 'an object of code → completed weeks');
  }
  return params as unknown as PregnancyParams;
}

/**
 * Checks a pregnancy fact's source params as the assessment reads them (at load).
 * @param params - the derived source's params
 * @returns an error naming the first bad parameter, or none
 */
export function checkPregnancyParams(params: Readonly<Record<string, unknown>>): Issue[] {
  try {
    readPregnancyParams(params, 'pregnancy.current');
    return [];
  } catch (err) {
    if (!isSoleusError(err)) {
      throw err;
    }
    return [
      {
        severity: 'error',
        code: 'SOLEUS_FACT_PARAMETER',
        message: err.message,
        location: { pointer: '/source/params' },
      },
    ];
  }
}
