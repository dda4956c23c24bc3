/**
 * What an index source (the CDS Hooks sandbox list, or an RxNorm release in RRF) hands the builder: one
 * concept per RxCUI with its normalized name and, when the source relates it, its components.
 */
import type { IndexTty } from '../rxnorm-index-file';
import type { RxnormStrength } from '../rxnorm-strength';

/** One ingredient part of a concept, from the source's component concepts. */
export interface ReferenceComponent {
  /** As the component's name writes it, e.g. `Oxycodone Hydrochloride`. */
  readonly substance: string;
  readonly strength?: RxnormStrength;
  /** The ingredient (IN) the source relates the component to, when it does (RRF `has_ingredient`). */
  readonly ingredientRxcui?: string;
}

/** A product, component, group or pack of the source. */
export interface ReferenceConcept {
  readonly rxcui: string;
  readonly tty: IndexTty;
  readonly name: string;
  /** The brand, when the name does not carry it in brackets (a brand group such as `Lasix Pill`). */
  readonly brand?: string;
  /** Components from the source's relations; when absent, the name is parsed. */
  readonly components?: readonly ReferenceComponent[];
}
