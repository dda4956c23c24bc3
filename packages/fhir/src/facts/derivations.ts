import type { Fact } from '@soleus/core';
import type { DataRequirement } from './data-requirement';
import type { FactContext } from './fact-context';
import { ANALGESIC_DERIVATIONS } from '../derivations/analgesic/analgesic-derivations';
import { CRAMP_DERIVATIONS } from '../derivations/cramp/cramp-derivations';
import { DVT_DERIVATIONS } from '../derivations/dvt/dvt-derivations';
import { PREGNANCY_DERIVATIONS } from '../derivations/pregnancy/pregnancy-derivations';
import { decisionTableOutcome } from '../derivations/shared/decision-table-outcome';
import { encounterInWindow } from '../derivations/shared/encounter-in-window';
import { sameAs } from '../derivations/shared/same-as';
import { unknownDataOf } from '../derivations/shared/unknown-data-of';

/**
 * A fact computed by TypeScript because it is a mechanism, not a lookup (interval Wells scoring, D-dimer
 * normalisation, Cockcroft-Gault). Thresholds and codes still come from `params` and pack parameters.
 */
export interface Derivation {
  /** Computes the fact. */
  readonly compute: (params: Readonly<Record<string, unknown>>, ctx: FactContext) => Fact;
  /**
   * The record data the derivation reads, so discovery can ask the EHR for it (prefetch). Value sets
   * named in pack parameters narrow the queries by code.
   */
  readonly requires: (
    params: Readonly<Record<string, unknown>>,
    pack: PackParameters,
  ) => readonly DataRequirement[];
}

/** Pack parameters by pack id (pack.json `parameters`), as discovery and fact contexts see them. */
export type PackParameters = (packId: string) => Readonly<Record<string, unknown>>;

/** Every derivation by name. Rule packs register theirs here. */
export const DERIVATIONS: ReadonlyMap<string, Derivation> = new Map<string, Derivation>([
  ...DVT_DERIVATIONS,
  ...CRAMP_DERIVATIONS,
  ...ANALGESIC_DERIVATIONS,
  ...PREGNANCY_DERIVATIONS,
  ['sameAs', sameAs],
  ['encounterInWindow', encounterInWindow],
  ['decisionTable', decisionTableOutcome],
  ['unknownDataOf', unknownDataOf],
]);
