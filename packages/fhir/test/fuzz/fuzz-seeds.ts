/**
 * Realistic CDS Hooks requests to mutate: every calf-pain vignette case (test/vignettes) and the small
 * third-party records (fixtures/synthea), each turned into the request a real EHR would send — the
 * record split over the service's discovery prefetch keys by resource type (the `Patient/{{…}}` read
 * gets the Patient; each `Type?patient=…` search gets a searchset Bundle of that type), draft orders in
 * `context.draftOrders`, selections for order-select. Resources no key names (e.g. a Medication an
 * order references) ride along as `include` entries of the medication-request search, as `_include`
 * would return them.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Bundle, FhirResource } from 'fhir/r4';
import type { RuleSet } from '@soleus/core';
import { findVignetteManifests, parseVignetteManifest } from '@soleus/cli';
import { servicesOf } from '../../src/cds-hooks/handle-cds-request';
import type { CdsService } from '../../src/cds-hooks/types';

/** One request to mutate, with what it needs besides the body. */
export interface FuzzSeed {
  readonly name: string;
  readonly serviceId: string;
  readonly now: string;
  readonly request: Readonly<Record<string, unknown>>;
  /** Resource type → the prefetch key that carries it. */
  readonly keyOfType: ReadonlyMap<string, string>;
}

const VIGNETTES = join(__dirname, '..', 'vignettes');
const SYNTHEA = join(__dirname, '..', 'fixtures', 'synthea');
/** The third-party records small enough for thousands of calls (the two large ones are left out). */
const SYNTHEA_FILES = [
  'ahrq-pain-r4_brenda_jackson.json',
  'cosri-pain-r4_padme_amidfla.json',
  'synthea-r4_Buster_Hoeger_ad2e3fc5-2b5d-4cb9-8d03-9ea0f4ac8423.json',
  'synthea-r4_Liz_Conn_27c911c6-f045-4ffa-af5d-6eba57ac94b2.json',
  'synthea-r4_Luigi_Wiegand_e27d88b0-c5e5-4042-ad49-184f6a900ee3.json',
];
const SYNTHEA_NOW = '2026-11-22T09:00:00Z';
const HOOKS = ['patient-view', 'order-select', 'order-sign'] as const;

/**
 * Builds the seed requests.
 * @param ruleSet - the rule set whose discovery decides the prefetch keys
 * @returns every vignette case and each small third-party record on patient-view
 */
export function loadFuzzSeeds(ruleSet: RuleSet): FuzzSeed[] {
  const services = [...servicesOf(ruleSet).values()];
  const serviceFor = (hook: string): CdsService => {
    const service = services.find((s) => s.hook === hook);
    if (!service) {
      throw new Error(`no service for hook ${hook}`);
    }
    return service;
  };
  const seeds: FuzzSeed[] = [];
  for (const file of findVignetteManifests(VIGNETTES)) {
    const dir = dirname(file);
    const manifest = parseVignetteManifest(JSON.parse(readFileSync(file, 'utf8')), file);
    for (const c of manifest.cases) {
      const hook = c.hook ?? manifest.hook;
      const drafts = c.draftOrders ? readBundle(join(dir, c.draftOrders)) : undefined;
      seeds.push(
        seedOf(`${basename(dir)}/${c.bundle}`, serviceFor(hook), readBundle(join(dir, c.bundle)), {
          now: c.now ?? manifest.now,
          ...(drafts ? { drafts } : {}),
          ...(c.selections ? { selections: c.selections } : {}),
        }),
      );
    }
  }
  // The third-party records take turns on the three hooks; order hooks sign a vignette's NSAID draft.
  const drafts = readBundle(join(VIGNETTES, 'nsaid-contraindicated', 'no-risk.drafts.bundle.json'));
  SYNTHEA_FILES.forEach((file, i) => {
    const hook = HOOKS[i % HOOKS.length] ?? 'patient-view';
    const record = readBundle(join(SYNTHEA, file));
    seeds.push(
      seedOf(`synthea/${file}`, serviceFor(hook), record, {
        now: SYNTHEA_NOW,
        ...(hook === 'patient-view' ? {} : { drafts: forPatient(drafts, record) }),
      }),
    );
  });
  return seeds;
}

/** The draft orders re-pointed at the record's patient. */
function forPatient(
  drafts: Bundle<FhirResource>,
  record: Bundle<FhirResource>,
): Bundle<FhirResource> {
  const id = record.entry?.find((e) => e.resource?.resourceType === 'Patient')?.resource?.id ?? '';
  return JSON.parse(
    JSON.stringify(drafts).replaceAll('"Patient/p1"', `"Patient/${id}"`),
  ) as Bundle<FhirResource>;
}

function readBundle(path: string): Bundle<FhirResource> {
  return JSON.parse(readFileSync(path, 'utf8')) as Bundle<FhirResource>;
}

interface SeedOptions {
  readonly now: string;
  readonly drafts?: Bundle<FhirResource>;
  readonly selections?: readonly string[];
}

function seedOf(
  name: string,
  service: CdsService,
  record: Bundle<FhirResource>,
  options: SeedOptions,
): FuzzSeed {
  const resources = (record.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
  const patient = resources.find((r) => r.resourceType === 'Patient');
  const patientId = patient?.id ?? 'unknown-patient';
  const context: Record<string, unknown> = {
    userId: 'Practitioner/fuzz-user',
    patientId,
    ...(service.hook === 'patient-view' ? {} : { draftOrders: options.drafts ?? emptyDrafts() }),
    ...(service.hook === 'order-select'
      ? { selections: options.selections ?? selectionsOf(options.drafts) }
      : {}),
  };
  const keyOfType = prefetchKeyOfType(service.prefetch ?? {});
  return {
    name,
    serviceId: service.id,
    now: options.now,
    keyOfType,
    request: {
      hook: service.hook,
      hookInstance: 'a3b6c1f2-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      context,
      prefetch: splitOverKeys(resources, service.prefetch ?? {}, keyOfType),
    },
  };
}

function emptyDrafts(): Bundle<FhirResource> {
  return { resourceType: 'Bundle', type: 'collection', entry: [] };
}

function selectionsOf(drafts: Bundle<FhirResource> | undefined): string[] {
  return (drafts?.entry ?? []).flatMap((e) =>
    e.resource?.id ? [`${e.resource.resourceType}/${e.resource.id}`] : [],
  );
}

/** Each resource goes to the first key that reads its type; the rest ride with medication requests. */
function splitOverKeys(
  resources: readonly FhirResource[],
  templates: Readonly<Record<string, string>>,
  keyOfType: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const includeKey = keyOfType.get('MedicationRequest') ?? Object.keys(templates)[0] ?? 'patient';
  const prefetch: Record<string, unknown> = {};
  const searches = new Map<string, { resource: FhirResource; search?: { mode: string } }[]>();
  for (const key of Object.keys(templates)) {
    if (!templates[key]?.startsWith('Patient/')) {
      searches.set(key, []);
    }
  }
  for (const resource of resources) {
    const key = keyOfType.get(resource.resourceType);
    if (resource.resourceType === 'Patient' && key !== undefined) {
      prefetch[key] = resource;
    } else {
      const target = key ?? includeKey;
      searches.get(target)?.push({
        resource,
        search: { mode: key === undefined ? 'include' : 'match' },
      });
    }
  }
  for (const [key, entry] of searches) {
    prefetch[key] = { resourceType: 'Bundle', type: 'searchset', total: entry.length, entry };
  }
  return prefetch;
}

/** The first prefetch key whose template reads each resource type (`Type/…` or `Type?…`). */
function prefetchKeyOfType(templates: Readonly<Record<string, string>>): Map<string, string> {
  const keyOfType = new Map<string, string>();
  for (const [key, template] of Object.entries(templates)) {
    const type = /^([A-Za-z]+)[/?]/.exec(template)?.[1];
    if (type && !keyOfType.has(type)) {
      keyOfType.set(type, key);
    }
  }
  return keyOfType;
}
