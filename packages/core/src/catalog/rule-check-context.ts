import type { OperatorSpec } from '../engine/operators';
import type { FactDefinition } from '../generated/fact-catalogue-file';
import type { TerminologyProvider } from '../terminology/terminology-provider';
import type { convertQuantity } from '../units/convert-quantity';

/** Converts a quantity between UCUM units (the units module's `convertQuantity` contract). */
export type ConvertQuantity = typeof convertQuantity;

/** What the semantic rule checks compare a rule against. */
export interface RuleCheckContext {
  /** Fact catalogue by name. */
  readonly facts: ReadonlyMap<string, FactDefinition>;
  /** Operator table by name. */
  readonly operators: ReadonlyMap<string, OperatorSpec>;
  /** Loaded value sets, for `inValueSet` leaves. */
  readonly terminology: TerminologyProvider;
  /** Unit converter, for leaves with a `unit`. */
  readonly convert: ConvertQuantity;
}
