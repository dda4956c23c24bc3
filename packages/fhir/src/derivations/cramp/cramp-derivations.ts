import type { Derivation } from '../../facts/derivations';
import { correctedCalcium } from './corrected-calcium';

/** The derivations of rule set B (cramp work-up), by the name `cramp.facts.json` sources give. */
export const CRAMP_DERIVATIONS: ReadonlyArray<readonly [string, Derivation]> = [
  ['correctedCalcium', correctedCalcium],
];
