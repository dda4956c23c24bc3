// Builds bench patient records of a target size from the Synthea fixtures: entries of several files are
// concatenated (cycling through the files as often as needed), every id and reference is rewritten with
// a copy suffix so nothing collides, and every patient reference points to the one bench Patient. The
// calf-pain resources are added so the clinical packs have something to fire on.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calfPainResources, draftOrders } from './calf-pain-resources.mjs';

const SYNTHEA_DIR = join(
  import.meta.dirname,
  '..',
  'packages',
  'fhir',
  'test',
  'fixtures',
  'synthea',
);
export const PATIENT_ID = 'bench-p1';
const PATIENT_REF = `Patient/${PATIENT_ID}`;

/** The bench Patient (synthetic). */
export const PATIENT = {
  resourceType: 'Patient',
  id: PATIENT_ID,
  gender: 'male',
  birthDate: '1960-03-15',
};

/** Parsed Synthea fixture bundles (only the generated `synthea-r4_*` files), smallest first. */
export function loadSyntheaBundles() {
  return readdirSync(SYNTHEA_DIR)
    .filter((f) => f.startsWith('synthea-r4_') && f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(SYNTHEA_DIR, f), 'utf8')));
}

/** Rewrites every `reference` (urn:uuid:x or Type/x) in place: the patient → the bench Patient, others → suffixed. */
function rewriteReferences(node, patientKeys, suffix) {
  if (Array.isArray(node)) {
    node.forEach((child) => rewriteReferences(child, patientKeys, suffix));
    return;
  }
  if (node === null || typeof node !== 'object') {
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'reference' && typeof value === 'string') {
      node[key] = patientKeys.has(value) ? PATIENT_REF : `${value}${suffix}`;
    } else {
      rewriteReferences(value, patientKeys, suffix);
    }
  }
}

/** The non-Patient entries of one bundle, copied with ids and references suffixed by `-c<copy>`. */
function copyEntries(bundle, copy, types) {
  const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient')?.resource;
  const patientKeys = new Set([`urn:uuid:${patient?.id}`, `Patient/${patient?.id}`]);
  const suffix = `-c${copy}`;
  return bundle.entry
    .filter((e) => e.resource.resourceType !== 'Patient' && types.has(e.resource.resourceType))
    .map((e) => {
      const resource = JSON.parse(JSON.stringify(e.resource));
      resource.id = `${resource.id}${suffix}`;
      rewriteReferences(resource, patientKeys, suffix);
      return resource;
    });
}

/**
 * A patient record of about `size` resources (exactly `size` when the fixtures suffice).
 * @param {object[]} bundles - Synthea bundles from {@link loadSyntheaBundles}
 * @param {number} size - target number of resources, Patient and calf-pain resources included
 * @param {Set<string>} types - resource types to take from Synthea (those the services prefetch)
 * @param {number} nowMs - the bench evaluation instant
 * @returns {object[]} resources, the bench Patient first
 */
export function buildRecord(bundles, size, types, nowMs) {
  const calf = calfPainResources(PATIENT_REF, nowMs);
  const wanted = size - 1 - calf.length;
  const resources = [];
  for (let copy = 0; resources.length < wanted; copy++) {
    const bundle = bundles[copy % bundles.length];
    resources.push(...copyEntries(bundle, copy, types).slice(0, wanted - resources.length));
  }
  return [PATIENT, ...resources, ...calf];
}

/** A searchset Bundle of resources (the shape an EHR prefetches). */
function searchset(resources) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: resources.length,
    entry: resources.map((resource) => ({
      fullUrl: `https://ehr.example.org/fhir/${resource.resourceType}/${resource.id}`,
      resource,
    })),
  };
}

/** Resource type named by a prefetch template (`Observation?patient=…` → Observation). */
const templateType = (template) => /^([A-Za-z]+)[/?]/.exec(template)?.[1];

/**
 * The CDS Hooks request an EHR would send for this record: each prefetch key of the service holds every
 * record resource of its type (and status, when the
 * template asks for active ones), as if the EHR ignored code narrowing;, order-sign adds the drafts.
 * @param {object} service - the discovery service (hook, prefetch templates)
 * @param {object[]} record - from {@link buildRecord}
 * @returns {{ body: object, resourceCount: number }} the request and how many resources it carries
 */
export function buildRequest(service, record) {
  const prefetch = {};
  let resourceCount = 0;
  for (const [key, template] of Object.entries(service.prefetch ?? {})) {
    const type = templateType(template);
    const activeOnly = template.includes('status=active');
    const ofType = record.filter(
      (r) => r.resourceType === type && (!activeOnly || r.status === 'active'),
    );
    resourceCount += ofType.length;
    prefetch[key] = type === 'Patient' ? (ofType[0] ?? null) : searchset(ofType);
  }
  const context = { userId: 'Practitioner/bench-dr', patientId: PATIENT_ID };
  if (service.hook !== 'patient-view') {
    context.draftOrders = draftOrders(PATIENT_REF);
  }
  const body = {
    hook: service.hook,
    hookInstance: '6a0e6d1e-7f0c-4c8e-9d55-0b6c2f3a1e10',
    context,
    prefetch,
  };
  return { body, resourceCount };
}
