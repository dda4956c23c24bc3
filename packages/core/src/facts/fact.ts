/**
 * Facts are the values rules are written against. The FHIR adapter computes a {@link FactSet} once per
 * request; the engine reads it without any further I/O. Every fact can be unknown (`value: null`), and
 * unknown is never negative: every operator except `isUnknown` is false on an unknown fact.
 */

/** A fact's value: a JSON scalar, a string list, an ISO 8601 instant (date facts), an object, or null = unknown. */
export type FactValue = string | number | boolean | readonly string[] | FactObject | null;

/** An object-valued fact (e.g. a per-item Wells breakdown), read in rules through `path`. */
export interface FactObject {
  readonly [key: string]: FactValue | undefined;
}

/** Where a fact value came from, so a card can say why it fired. No names or identifiers of the patient. */
export interface FactEvidence {
  /** `Type/id` of the resource the value came from. */
  readonly resource: string;
  /** Effective or onset instant of that resource (ISO 8601), when it has one. */
  readonly at?: string;
  /** The value as the record reported it, e.g. `1.2 mg/L{FEU}`, before conversion. */
  readonly reported?: string;
  /** Why this resource counted or was ignored, in words (e.g. 'stale: 9 days old'). */
  readonly note?: string;
}

/** One computed fact. */
export interface Fact {
  readonly value: FactValue;
  /** UCUM unit of a number value (the catalogue unit). */
  readonly unit?: string;
  /** Instant the value refers to (ISO 8601), e.g. the effective time of the latest observation. */
  readonly at?: string;
  /** Resources the value was computed from. */
  readonly evidence?: readonly FactEvidence[];
  /** Resources looked at but ignored (stale, entered-in-error, uninterpretable), with the reason. */
  readonly ignored?: readonly FactEvidence[];
}

/** All facts for one evaluation, by catalogue name. A name missing from the set is unknown. */
export type FactSet = ReadonlyMap<string, Fact>;

/**
 * Builds a {@link FactSet} from a plain object of values, for tests, examples and embedding.
 * @param values - fact name → value (or a full {@link Fact})
 * @returns the fact set
 */
export function factSetOf(values: Readonly<Record<string, FactValue | Fact>>): FactSet {
  const set = new Map<string, Fact>();
  for (const [name, value] of Object.entries(values)) {
    set.set(name, isFact(value) ? value : { value });
  }
  return set;
}

function isFact(value: FactValue | Fact): value is Fact {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.prototype.hasOwnProperty.call(value, 'value') &&
    Object.keys(value).every((k) => ['value', 'unit', 'at', 'evidence', 'ignored'].includes(k))
  );
}
