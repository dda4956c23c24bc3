import type { Fact } from '@soleus/core';
import type { Derivation } from '../../facts/derivations';
import { resourceRef } from '../../facts/resource-ref';
import { dvtParam } from '@soleus/core';

/**
 * A hospital inpatient now (clinical-spec §A.5, "hospitalised inpatient" raises D-dimer): an Encounter
 * in progress whose `class.code` is one of the pack's `elevatedDdimer.inpatientClassCodes` (HL7 v3
 * ActCode, e.g. IMP). False when no such encounter is in the record.
 */
export const inpatientNow: Derivation = {
  compute: (_params, ctx): Fact => {
    const classes = new Set(dvtParam(ctx, 'elevatedDdimer.inpatientClassCodes', 'string[]'));
    const stays = ctx.index
      .ofType('Encounter')
      // `class` is 1..1 in R4 but records omit it: no class means "not known to be inpatient".
      .filter((e) => e.status === 'in-progress' && classes.has(e.class?.code ?? ''));
    return { value: stays.length > 0, evidence: stays.map((e) => ({ resource: resourceRef(e) })) };
  },
  requires: () => [{ resourceType: 'Encounter', status: 'in-progress' }],
};
