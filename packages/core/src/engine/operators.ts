/**
 * The one operator table. The compiled evaluator binds each leaf to its entry (and the json-rules-engine
 * reference registers the same bound function), the rule loader checks each leaf's operator and fact
 * type against it, and docs/reference/operators.md documents it (fhirpath.js `invocationTable` style).
 *
 * Unknown is never negative: every operator except `isUnknown` is false when the fact is unknown
 * (null or undefined), and also when the fact or the value is not of the type the operator compares
 * (an uninterpretable value is treated as unknown, never as a match or a non-match).
 */
import type { TerminologyProvider } from '../terminology/terminology-provider';
import { isDatedValue } from './dated-value';
import { parseIsoDuration, type IsoDuration } from './iso-duration';
import { subtractDuration } from './subtract-duration';

/** The value types of the fact catalogue (`FactDefinition.type`). */
export type FactType = 'boolean' | 'number' | 'string' | 'date' | 'string[]' | 'object';

/** What an operator needs besides the two operands. */
export interface OperatorContext {
  /** Value-set membership for `inValueSet`. */
  readonly terminology: TerminologyProvider;
}

/** One operator: which facts it applies to, what its `value` must be, and how it compares. */
export interface OperatorSpec {
  readonly name: string;
  /** Fact types the operator accepts (the loader rejects others with SOLEUS_RULE_OPERATOR_TYPE). */
  readonly factTypes: readonly FactType[];
  /**
   * Shape of the rule's `value`: `same` = a scalar of the fact's type (one string for a string[] fact),
   * `number`, `list` = an array of scalars, `duration` = ISO 8601 duration, `valueSet` = a value-set
   * url or id, `none` = no value, `any` = anything.
   */
  readonly value: 'same' | 'number' | 'list' | 'duration' | 'valueSet' | 'none' | 'any';
  /** One sentence for docs and error messages. */
  readonly description: string;
  /** Compares; date facts arrive wrapped as a DatedValue. Never throws on a type mismatch: it is false. */
  readonly evaluate: (factValue: unknown, value: unknown, ctx: OperatorContext) => boolean;
}

type Scalar = string | number | boolean;
const SCALARS: readonly FactType[] = ['boolean', 'number', 'string'];
const ALL_TYPES: readonly FactType[] = [
  'boolean',
  'number',
  'string',
  'date',
  'string[]',
  'object',
];

function isUnknownValue(value: unknown): value is null | undefined {
  return (
    value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))
  );
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || Number.isFinite(value);
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isScalarList(value: unknown): value is readonly Scalar[] {
  return Array.isArray(value) && value.every(isScalar);
}

function compareNumbers(test: (a: number, b: number) => boolean) {
  return (factValue: unknown, value: unknown): boolean =>
    Number.isFinite(factValue) &&
    Number.isFinite(value) &&
    test(factValue as number, value as number);
}

const durations = new Map<string, IsoDuration | null>();

/** Parses once per distinct duration text: rule content is finite, so the cache is bounded by it. */
function cachedDuration(value: unknown): IsoDuration | null {
  if (typeof value !== 'string') {
    return null;
  }
  let parsed = durations.get(value);
  if (parsed === undefined) {
    parsed = parseIsoDuration(value);
    durations.set(value, parsed);
  }
  return parsed;
}

function withinLast(factValue: unknown, value: unknown): boolean {
  const duration = cachedDuration(value);
  if (!isDatedValue(factValue) || !duration) {
    return false;
  }
  return factValue.at <= factValue.now && factValue.at >= subtractDuration(factValue.now, duration);
}

function olderThan(factValue: unknown, value: unknown): boolean {
  const duration = cachedDuration(value);
  if (!isDatedValue(factValue) || !duration) {
    return false;
  }
  return factValue.at < subtractDuration(factValue.now, duration);
}

/** A coded fact is `system|code`; a string without a bar is not interpretable as a coding. */
function inValueSet(factValue: unknown, value: unknown, ctx: OperatorContext): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  const codes =
    typeof factValue === 'string' ? [factValue] : isStringList(factValue) ? factValue : [];
  return codes.some((text) => {
    const bar = text.indexOf('|');
    if (bar <= 0 || bar === text.length - 1) {
      return false;
    }
    return ctx.terminology.contains(value, {
      system: text.slice(0, bar),
      code: text.slice(bar + 1),
    });
  });
}

const SPECS: readonly OperatorSpec[] = [
  {
    name: 'equal',
    factTypes: SCALARS,
    value: 'same',
    description: 'The fact equals the value (strict equality).',
    evaluate: (f, v) => isScalar(f) && isScalar(v) && f === v,
  },
  {
    name: 'notEqual',
    factTypes: SCALARS,
    value: 'same',
    description: 'The fact is known and differs from the value.',
    evaluate: (f, v) => isScalar(f) && isScalar(v) && f !== v,
  },
  {
    name: 'lessThan',
    factTypes: ['number'],
    value: 'number',
    description: 'The fact is a number below the value.',
    evaluate: compareNumbers((a, b) => a < b),
  },
  {
    name: 'lessThanOrEqual',
    factTypes: ['number'],
    value: 'number',
    description: 'The fact is a number at or below the value.',
    evaluate: compareNumbers((a, b) => a <= b),
  },
  {
    name: 'greaterThan',
    factTypes: ['number'],
    value: 'number',
    description: 'The fact is a number above the value.',
    evaluate: compareNumbers((a, b) => a > b),
  },
  {
    name: 'greaterThanOrEqual',
    factTypes: ['number'],
    value: 'number',
    description: 'The fact is a number at or above the value.',
    evaluate: compareNumbers((a, b) => a >= b),
  },
  {
    name: 'in',
    factTypes: SCALARS,
    value: 'list',
    description: 'The fact is one of the listed values.',
    evaluate: (f, v) => isScalar(f) && isScalarList(v) && v.includes(f),
  },
  {
    name: 'notIn',
    factTypes: SCALARS,
    value: 'list',
    description: 'The fact is known and none of the listed values.',
    evaluate: (f, v) => isScalar(f) && isScalarList(v) && !v.includes(f),
  },
  {
    name: 'contains',
    factTypes: ['string[]'],
    value: 'same',
    description: 'The list fact holds the value.',
    evaluate: (f, v) => isStringList(f) && typeof v === 'string' && f.includes(v),
  },
  {
    name: 'doesNotContain',
    factTypes: ['string[]'],
    value: 'same',
    description: 'The list fact is known and does not hold the value.',
    evaluate: (f, v) => isStringList(f) && typeof v === 'string' && !f.includes(v),
  },
  {
    name: 'containsAny',
    factTypes: ['string[]'],
    value: 'list',
    description: 'The list fact holds at least one of the listed values.',
    evaluate: (f, v) => isStringList(f) && isStringList(v) && v.some((item) => f.includes(item)),
  },
  {
    name: 'isKnown',
    factTypes: ALL_TYPES,
    value: 'none',
    description: 'The fact has a value (is not unknown).',
    evaluate: (f) => !isUnknownValue(f),
  },
  {
    name: 'isUnknown',
    factTypes: ALL_TYPES,
    value: 'none',
    description:
      'The fact is unknown (missing, null or uninterpretable); the only operator true on unknown.',
    evaluate: (f) => isUnknownValue(f),
  },
  {
    name: 'withinLast',
    factTypes: ['date'],
    value: 'duration',
    description:
      'The date lies between now minus the duration and now, inclusive (calendar arithmetic, UTC).',
    evaluate: withinLast,
  },
  {
    name: 'olderThan',
    factTypes: ['date'],
    value: 'duration',
    description: 'The date lies strictly before now minus the duration (calendar arithmetic, UTC).',
    evaluate: olderThan,
  },
  {
    name: 'inValueSet',
    factTypes: ['string', 'string[]'],
    value: 'valueSet',
    description:
      'The coded fact (`system|code`, or any item of a list of them) is in the value set.',
    evaluate: inValueSet,
  },
];

/** Every operator a rule may use, by name. */
export const OPERATORS: ReadonlyMap<string, OperatorSpec> = new Map(
  SPECS.map((spec) => [spec.name, spec]),
);
