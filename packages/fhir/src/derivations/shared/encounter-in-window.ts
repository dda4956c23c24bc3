import type { Encounter } from 'fhir/r4';
import type { Fact, FactEvidence } from '@soleus/core';
import { parseFhirDate } from '../../fhir/parse-fhir-date';
import type { Derivation } from '../../facts/derivations';
import { resourceRef } from '../../facts/resource-ref';
import { windowStart } from '../../facts/window';

// Encounter.status values that never describe a real visit (FHIR R4 encounter-status).
const NEVER = new Set(['planned', 'cancelled', 'entered-in-error']);

/**
 * `encounterInWindow`: an Encounter whose `type` or `reasonCode` is in param `valueSet` (e.g. a
 * palliative-care encounter, clinical-spec §A.3 item 1) and that is in progress or started within param
 * `window` (ISO 8601 look-back). Planned, cancelled and entered-in-error encounters never count; an
 * encounter without a day-precise start is listed, not used.
 */
export const encounterInWindow: Derivation = {
  compute: (params, ctx): Fact => {
    const valueSet = typeof params['valueSet'] === 'string' ? params['valueSet'] : '';
    const window = typeof params['window'] === 'string' ? params['window'] : undefined;
    const from = windowStart(ctx.nowMs, window);
    const evidence: FactEvidence[] = [];
    const ignored: FactEvidence[] = [];
    for (const encounter of ctx.index.ofType('Encounter')) {
      const concepts = [...(encounter.type ?? []), ...(encounter.reasonCode ?? [])];
      if (!concepts.some((c) => ctx.index.conceptIn(valueSet, c))) {
        continue;
      }
      const ref = resourceRef(encounter);
      const why = whyNot(encounter, from, ctx.nowMs);
      (why === null ? evidence : ignored).push({
        resource: ref,
        ...(encounter.period?.start ? { at: encounter.period.start } : {}),
        ...(why === null ? {} : { note: why }),
      });
    }
    return { value: evidence.length > 0, evidence, ...(ignored.length > 0 ? { ignored } : {}) };
  },
  requires: (params) => [
    typeof params['valueSet'] === 'string'
      ? { resourceType: 'Encounter', valueSet: params['valueSet'] }
      : { resourceType: 'Encounter' },
  ],
};

function whyNot(encounter: Encounter, fromMs: number, nowMs: number): string | null {
  const status = encounter.status as string | undefined;
  if (status === undefined || NEVER.has(status)) {
    return `encounter status ${status ?? 'missing'}`;
  }
  if (status === 'in-progress') {
    return null;
  }
  const start = parseFhirDate(encounter.period?.start);
  if (!start || start.precision === 'year' || start.precision === 'month') {
    return 'encounter start unknown or coarser than a day';
  }
  return start.epochMs >= fromMs && start.epochMs <= nowMs ? null : 'encounter outside the window';
}
