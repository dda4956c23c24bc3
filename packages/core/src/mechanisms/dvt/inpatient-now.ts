import type { Mechanism } from '../mechanism';
import { dvtParam } from './dvt-param';

/**
 * `dvt.inpatient` — a hospital inpatient now (clinical-spec §A.5, "hospitalised inpatient" raises
 * D-dimer): an Encounter in progress whose class code is one of the pack's
 * `elevatedDdimer.inpatientClassCodes` (HL7 v3 ActCode, e.g. IMP). False when no such encounter is in
 * the record; unknown without a record reader.
 */
export const inpatientNow: Mechanism = {
  compute: (_params, ctx) => {
    if (!ctx.records) {
      return { value: null };
    }
    const classes = new Set(dvtParam(ctx, 'elevatedDdimer.inpatientClassCodes', 'string[]'));
    const stays = ctx.records
      .read({ kind: 'Encounter' })
      // The class is 1..1 in R4 but records omit it: no class means "not known to be inpatient".
      .filter((e) => e.inProgress === true && classes.has(e.classCode ?? ''));
    return { value: stays.length > 0, evidence: stays.map((e) => ({ resource: e.ref })) };
  },
  requires: () => [{ resourceType: 'Encounter', status: 'in-progress' }],
  // No source params; the pack parameter it reads is checked with dvt.triggered's.
  checkParams: () => [],
};
