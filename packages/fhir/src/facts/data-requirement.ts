import type { FactSource } from './fact-source';

/** A kind of record data a fact reads: a resource type, optionally narrowed to codes in a value set. */
export interface DataRequirement {
  readonly resourceType:
    | 'Patient'
    | 'Observation'
    | 'Condition'
    | 'Procedure'
    | 'MedicationRequest'
    | 'MedicationStatement'
    | 'DiagnosticReport'
    | 'QuestionnaireResponse'
    | 'Encounter';
  /** Only resources whose code is in this value set are needed (lets discovery narrow the query). */
  readonly valueSet?: string;
  /**
   * Only resources with this status are needed (a token, e.g. `in-progress` for a current Encounter).
   * A requirement with a status gets its own prefetch key.
   */
  readonly status?: string;
}

/** The medication statuses a `recent` scope may count (FHIR R4 status tokens, comma = OR). */
const RECENT_MEDICATION_STATUSES = 'active,completed,stopped,on-hold';

/**
 * What record data a non-derived fact source reads.
 * @param source - a fact source
 * @returns its data requirements (none for hook and issue facts)
 */
export function sourceRequirements(source: FactSource): DataRequirement[] {
  switch (source.kind) {
    case 'observation':
      return [{ resourceType: 'Observation', valueSet: source.valueSet }];
    case 'condition':
      return [{ resourceType: 'Condition', valueSet: source.valueSet }];
    case 'procedure':
      return [{ resourceType: 'Procedure', valueSet: source.valueSet }];
    case 'medication':
      if (source.scope === 'recent') {
        // Past therapy too (completed, stopped): the look-back is checked on the dates, not here.
        const status = RECENT_MEDICATION_STATUSES;
        return [
          { resourceType: 'MedicationRequest', status },
          { resourceType: 'MedicationStatement', status },
        ];
      }
      return source.scope === 'draft'
        ? []
        : [{ resourceType: 'MedicationRequest' }, { resourceType: 'MedicationStatement' }];
    case 'patient':
      return [{ resourceType: 'Patient' }];
    case 'hook':
    case 'issues':
    case 'derived':
      return [];
  }
}
