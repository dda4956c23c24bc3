/**
 * The RxNorm normalized-name grammar as data (`packages/fhir/data/rxnorm-grammar.json`): dose forms with
 * their route, strength and quantity units with their UCUM spelling, name prefixes and the salt words of
 * precise ingredients. Read once, synchronously, on first use. The JSON is the single source; this
 * module only types it and builds the lookups the parser needs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MedicationRoute } from './medication-route';

/** A dose form (or dose-form group such as `Pill`) and the route it implies. */
export interface GrammarDoseForm {
  readonly name: string;
  readonly route: MedicationRoute;
}

/** A unit as RxNorm writes it and as UCUM spells it. */
export interface GrammarUnit {
  readonly rxnorm: string;
  readonly ucum: string;
}

/** A quantity-factor unit of a name prefix (`12 HR`, `10 ML`, `60 ACTUAT`). */
export interface GrammarQuantityUnit extends GrammarUnit {
  readonly kind: 'duration' | 'volume' | 'count';
}

/** The grammar file. */
export interface RxnormGrammar {
  readonly doseForms: readonly GrammarDoseForm[];
  readonly groupForms: readonly GrammarDoseForm[];
  readonly strengthUnits: readonly GrammarUnit[];
  readonly quantityUnits: readonly GrammarQuantityUnit[];
  readonly qualifiers: readonly { readonly name: string }[];
  readonly saltWords: readonly string[];
}

/** Absolute path of the shipped grammar; `data/` sits beside both `src/` and `dist/`. */
export const RXNORM_GRAMMAR_PATH = join(__dirname, '..', '..', '..', 'data', 'rxnorm-grammar.json');

let grammar: RxnormGrammar | undefined;

/**
 * The shipped grammar, read on first use.
 * @returns the grammar
 */
export function rxnormGrammar(): RxnormGrammar {
  grammar ??= JSON.parse(readFileSync(RXNORM_GRAMMAR_PATH, 'utf8')) as RxnormGrammar;
  return grammar;
}
