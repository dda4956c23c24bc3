/**
 * The shape of one kind of condition node (all, any, not, leaf, …) as the compiler sees it. Each kind
 * compiles its node into a closure over the leaf outcomes of a run and into json-rules-engine's grammar
 * for the reference engine, so a new kind (e.g. a decision table) is one {@link ConditionNodeKind}
 * added to `CONDITION_NODE_KINDS`, and the differential test checks it against the reference at once.
 */
import type { TopLevelCondition } from 'json-rules-engine';
import type { Condition, LeafCondition } from '../generated/rule-definition';

/** A json-rules-engine leaf as this engine emits it: the operator is the leaf's own alias. */
export interface EngineLeaf {
  readonly fact: string;
  readonly operator: string;
  readonly value: unknown;
  readonly path?: string;
}

/** A condition in json-rules-engine's grammar. */
export type EngineCondition = TopLevelCondition | EngineLeaf;

/** Decides a compiled condition from the leaf outcomes of one run (slot `i` is 1 when leaf `i` held). */
export type ConditionTest = (leafOutcomes: Uint8Array) => boolean;

/** A condition compiled once: its closure and its json-rules-engine form. */
export interface CompiledNode {
  readonly test: ConditionTest;
  readonly engine: EngineCondition;
}

/** What a node kind may ask of the compiler while it compiles its node. */
export interface NodeCompiler {
  /** Compiles a nested condition found at `pointer` (a JSON Pointer inside the rule file). */
  readonly compile: (condition: Condition, pointer: string) => CompiledNode;
  /** Registers a leaf found at `pointer`; returns its slot and its json-rules-engine form. */
  readonly addLeaf: (
    leaf: LeafCondition,
    pointer: string,
  ) => { readonly index: number; readonly engine: EngineLeaf };
}

/** One kind of condition node. */
export interface ConditionNodeKind {
  readonly name: string;
  /** True when `condition` is a node of this kind (kinds are tried in order). */
  readonly matches: (condition: Condition) => boolean;
  readonly compile: (condition: Condition, pointer: string, compiler: NodeCompiler) => CompiledNode;
}
