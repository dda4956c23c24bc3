import type { Derivation } from '../facts/derivations';
import { DVT_DERIVATIONS } from './dvt/dvt-derivations';
import { PREGNANCY_DERIVATIONS } from './pregnancy/pregnancy-derivations';
import { encounterInWindow } from './shared/encounter-in-window';

/**
 * The mechanisms that still read the FHIR record directly (DVT episode and readings, pregnancy
 * assessment, encounters in a window), by the name `*.facts.json` sources give. They are the part of
 * the shipped packs not yet rewritten FHIR-free over facts (issue 19): this is the only place the
 * adapter names them, and `mechanismsOf` merges them with the rule set's registry.
 */
export const RECORD_MECHANISMS: ReadonlyMap<string, Derivation> = new Map<string, Derivation>([
  ...DVT_DERIVATIONS,
  ...PREGNANCY_DERIVATIONS,
  ['encounterInWindow', encounterInWindow],
]);
