// Discovery check: fill each service's prefetch templates (buildDiscovery) for the largest Synthea
// record and evaluate every query locally, the way a FHIR server would (resource type, patient,
// `code` / `reason-code` token lists, `status`), to see what share of the record the EHR would have to send.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { URLSearchParams } from 'node:url';
import { fhir } from './load-pipeline.mjs';

/** The largest record of the shared pool (1,379 entries), copied with provenance into the fixtures. */
export const LARGEST_RECORD = join(
  import.meta.dirname,
  '..',
  'packages/fhir/test/fixtures/synthea',
  'synthea-hiv-r4_Lawerence6_Baumbach677_ea8d2576-4a23-4906-c353-bfed5adb23bd.json',
);

const CODE_ELEMENT = { MedicationRequest: 'medicationCodeableConcept' };

function codings(resource) {
  return resource[CODE_ELEMENT[resource.resourceType] ?? 'code']?.coding ?? [];
}

function refersTo(resource, patientKeys) {
  const ref = resource.subject?.reference ?? resource.patient?.reference;
  return ref !== undefined && patientKeys.has(ref);
}

/** Evaluates one filled query (`Type/id` read or `Type?params` search) against the record. */
function select(query, resources, patientKeys) {
  const read = /^([A-Za-z]+)\/([^?]+)$/.exec(query);
  if (read) {
    return resources.filter(
      (r) => r.resourceType === read[1] && r.id === decodeURIComponent(read[2]),
    );
  }
  const [type, search = ''] = query.split('?');
  const params = new URLSearchParams(search);
  const unsupported = [...params.keys()].filter(
    (k) => !['patient', 'code', 'reason-code', 'status'].includes(k),
  );
  if (unsupported.length > 0) {
    throw new Error(`discovery bench: query parameter(s) ${unsupported.join(', ')} not evaluated`);
  }
  const tokens = params.has('code') ? new Set(params.get('code').split(',')) : undefined;
  const reasons = params.has('reason-code')
    ? new Set(params.get('reason-code').split(','))
    : undefined;
  const statuses = params.has('status') ? new Set(params.get('status').split(',')) : undefined;
  return resources.filter(
    (r) =>
      r.resourceType === type &&
      refersTo(r, patientKeys) &&
      (!statuses || statuses.has(r.status)) &&
      (!tokens || codings(r).some((c) => tokens.has(`${c.system}|${c.code}`))) &&
      (!reasons ||
        (r.reasonCode ?? []).some((rc) =>
          (rc.coding ?? []).some((c) => reasons.has(`${c.system}|${c.code}`)),
        )),
  );
}

/**
 * Per service: the resources its filled prefetch queries select from the largest record.
 * @param {object} ruleSet - the loaded rule set
 * @returns {object[]} per service { hook, total, selected, percent, byKey }
 */
export function benchDiscovery(ruleSet) {
  const bundle = JSON.parse(readFileSync(LARGEST_RECORD, 'utf8'));
  const resources = bundle.entry.map((e) => e.resource);
  const patient = resources.find((r) => r.resourceType === 'Patient');
  const patientKeys = new Set([`Patient/${patient.id}`, `urn:uuid:${patient.id}`]);
  const context = { patientId: patient.id, userId: 'Practitioner/bench-dr' };
  return fhir.buildDiscovery(ruleSet).services.map((service) => {
    const selected = new Set();
    const byKey = {};
    for (const [key, template] of Object.entries(service.prefetch ?? {})) {
      const filled = fhir.fillPrefetchTemplate(template, context);
      const hits = filled.ok ? select(filled.query, resources, patientKeys) : [];
      hits.forEach((r) => selected.add(r));
      byKey[key] = hits.length;
    }
    const percent = Math.round((selected.size / resources.length) * 1000) / 10;
    return { hook: service.hook, total: resources.length, selected: selected.size, percent, byKey };
  });
}
