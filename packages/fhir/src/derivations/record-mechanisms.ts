import type { Derivation } from '../facts/derivations';
import { decisionTableOutcome } from './shared/decision-table-outcome';
import { encounterInWindow } from './shared/encounter-in-window';
import { unknownDataOf } from './shared/unknown-data-of';

/**
 * The adapter's own mechanisms, by the name `*.facts.json` sources give: generic and pack-free (an
 * encounter in a window, a decision table's outcome, whether a fact rests on data the request did not
 * carry). Every clinical mechanism is core's (issue 19); `mechanismsOf` merges these with the rule
 * set's registry.
 */
export const RECORD_MECHANISMS: ReadonlyMap<string, Derivation> = new Map<string, Derivation>([
  ['encounterInWindow', encounterInWindow],
  // Generic, pack-free mechanisms over facts: a decision table's outcome, and whether a fact's unknown
  // rests on data the request did not carry.
  ['decisionTable', decisionTableOutcome],
  ['unknownDataOf', unknownDataOf],
]);
