import type { Fact, FactDefinition } from '@soleus/core';
import { conditionFact } from './condition-facts';
import type { FactContext } from './fact-context';
import type { FactSource } from './fact-source';
import { issueFact } from './issue-facts';
import { mechanismsOf } from './mechanisms-of';
import { medicationFact } from './medication-facts';
import { observationFact } from './observation-facts';
import { patientFact } from './patient-facts';
import { procedureFact } from './procedure-facts';

/**
 * Computes one fact by the builder its source kind names.
 * @param definition - the catalogue entry
 * @param source - its validated source
 * @param ctx - the request's fact context
 * @returns the fact (value null = unknown)
 */
export function buildFact(definition: FactDefinition, source: FactSource, ctx: FactContext): Fact {
  switch (source.kind) {
    case 'observation':
      return observationFact(definition, source, ctx);
    case 'condition':
      return conditionFact(source, ctx);
    case 'procedure':
      return procedureFact(source, ctx);
    case 'medication':
      return medicationFact(definition, source, ctx);
    case 'patient':
      return patientFact(source, ctx);
    case 'issues':
      // Which issues a clinician reads is decided after evaluation (withIssueFacts).
      return issueFact(source, []);
    case 'hook':
      return { value: ctx.hook };
    case 'derived': {
      const derive = mechanismsOf(ctx.ruleSet).get(source.derivation);
      return derive ? derive.compute(source.params ?? {}, ctx) : { value: null };
    }
  }
}
