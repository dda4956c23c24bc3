import type { Derivation } from '../facts/derivations';
import { DVT_DERIVATIONS } from './dvt/dvt-derivations';
import { decisionTableOutcome } from './shared/decision-table-outcome';
import { encounterInWindow } from './shared/encounter-in-window';
import { unknownDataOf } from './shared/unknown-data-of';

/**
 * The mechanisms that still read the FHIR record directly (DVT episode and readings, encounters in a
 * window), by the name `*.facts.json` sources give. They are the part of
 * the shipped packs not yet rewritten FHIR-free over facts (issue 19): this is the only place the
 * adapter names them, and `mechanismsOf` merges them with the rule set's registry.
 */
export const RECORD_MECHANISMS: ReadonlyMap<string, Derivation> = new Map<string, Derivation>([
  // The DVT pack's parameters are checked once by core's `dvt.triggered` mechanism.
  ...DVT_DERIVATIONS,
  ['encounterInWindow', encounterInWindow],
  // Generic, pack-free mechanisms over facts: a decision table's outcome, and whether a fact's unknown
  // rests on data the request did not carry.
  ['decisionTable', decisionTableOutcome],
  ['unknownDataOf', unknownDataOf],
]);
