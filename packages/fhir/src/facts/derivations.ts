import type { Mechanism, MechanismRequirement, PackParameters } from '@soleus/core';
import type { FactContext } from './fact-context';

export type { PackParameters } from '@soleus/core';

/**
 * A mechanism the adapter registers itself (derivations/record-mechanisms.ts: the generic ones, and the
 * DVT episode, red flags and Wells that still read FHIR resources): the @soleus/core {@link Mechanism}
 * interface over this adapter's {@link FactContext}. FHIR-free mechanisms — including those that read
 * entries through `ctx.records` — live in @soleus/core and reach the adapter through `RuleSet.mechanisms`.
 */
export interface Derivation extends Mechanism<FactContext> {
  /**
   * The record data the derivation reads, so discovery can ask the EHR for it (prefetch). Value sets
   * named in pack parameters narrow the queries by code.
   */
  requires(
    params: Readonly<Record<string, unknown>>,
    pack: PackParameters,
  ): readonly MechanismRequirement[];
}
