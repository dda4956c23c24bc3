/**
 * One pass over a patient's record: resources by type, by reference key and (lazily, memoised) by
 * value-set membership of their primary code. Facts then look resources up instead of scanning the
 * record once per fact — scanning per fact with fhirpath costs ~50–70 ms per hook at 500 entries;
 * this index costs about 1 ms.
 *
 * Value-set lookups go through the record's distinct codes, not its resources: a type's resources are
 * grouped by `system|code` once, and `withCodeIn` asks the terminology about each distinct coding.
 * Records repeat a few hundred codes over thousands of resources, so a hook's ~50 value-set lookups
 * cost distinct codes × value sets instead of resources × value sets (the profile of `pnpm bench`
 * showed the per-resource scan as the top self-time of fact extraction; docs/reference/performance.md).
 */
import type { CodeableConcept, Coding, FhirResource, Patient } from 'fhir/r4';
import type { TerminologyProvider } from '@soleus/core';
import { referenceKey } from '../fhir/reference-key';

/** The patient's record, indexed once per request. */
export interface RecordIndex {
  readonly patient: Patient | undefined;
  /** Resources of one type, in input order. */
  ofType<T extends FhirResource['resourceType']>(
    type: T,
  ): readonly Extract<FhirResource, { resourceType: T }>[];
  /** Resolves `Type/id`, a bundle `fullUrl` (e.g. `urn:uuid:…`) or an absolute URL ending in `Type/id`. */
  resolve(reference: string): FhirResource | undefined;
  /** Resources of `type` whose primary code (see {@link primaryCode}) has a coding in `valueSet`. */
  withCodeIn<T extends FhirResource['resourceType']>(
    type: T,
    valueSet: string,
  ): readonly Extract<FhirResource, { resourceType: T }>[];
  /** True when a coding is in a value set (memoised for this request). */
  codingIn(valueSet: string, coding: Coding): boolean;
  /** True when any coding of a concept is in a value set. */
  conceptIn(valueSet: string, concept: CodeableConcept | undefined): boolean;
}

/** An input entry: a resource plus the bundle fullUrl it was known by, if any. */
export interface IndexEntry {
  readonly resource: FhirResource;
  readonly fullUrl?: string;
}

/**
 * Builds the index.
 * @param entries - every resource of the record (the Patient included)
 * @param terminology - value-set membership
 * @returns the index
 */
export function indexRecord(
  entries: readonly IndexEntry[],
  terminology: TerminologyProvider,
): RecordIndex {
  const byType = new Map<string, FhirResource[]>();
  const byRef = new Map<string, FhirResource>();
  for (const { resource, fullUrl } of entries) {
    const list = byType.get(resource.resourceType) ?? [];
    list.push(resource);
    byType.set(resource.resourceType, list);
    if (resource.id) {
      byRef.set(`${resource.resourceType}/${resource.id}`, resource);
    }
    if (fullUrl) {
      byRef.set(referenceKey(fullUrl) ?? fullUrl, resource);
    }
  }
  // value set → system → code → member: nested maps, so a memoised answer builds no key string.
  const membership = new Map<string, Map<string, Map<string, boolean>>>();
  const matches = new Map<string, readonly FhirResource[]>();
  const codeTables = new Map<string, CodeTable>();

  const codingIn = (valueSet: string, coding: Coding): boolean => {
    const code = coding.code;
    if (!code) {
      return false;
    }
    const system = coding.system ?? '';
    let bySystem = membership.get(valueSet);
    if (!bySystem) {
      bySystem = new Map();
      membership.set(valueSet, bySystem);
    }
    let byCode = bySystem.get(system);
    if (!byCode) {
      byCode = new Map();
      bySystem.set(system, byCode);
    }
    let hit = byCode.get(code);
    if (hit === undefined) {
      hit = terminology.contains(valueSet, coding);
      byCode.set(code, hit);
    }
    return hit;
  };
  const conceptIn = (valueSet: string, concept: CodeableConcept | undefined): boolean =>
    (concept?.coding ?? []).some((c) => codingIn(valueSet, c));
  const codeTableOf = (type: string): CodeTable => {
    let table = codeTables.get(type);
    if (!table) {
      table = buildCodeTable(byType.get(type) ?? []);
      codeTables.set(type, table);
    }
    return table;
  };

  const index: RecordIndex = {
    patient: byType.get('Patient')?.[0] as Patient | undefined,
    ofType: (type) => (byType.get(type) ?? []) as never,
    resolve: (reference) => byRef.get(referenceKey(reference) ?? reference),
    codingIn,
    conceptIn,
    withCodeIn: (type, valueSet) => {
      const key = `${type}\u0000${valueSet}`;
      let found = matches.get(key);
      if (!found) {
        // Each (type, value set) is computed once, so each distinct coding is asked once: no memo needed.
        found = resourcesWithCodeIn(codeTableOf(type), (c) => terminology.contains(valueSet, c));
        matches.set(key, found);
      }
      return found as never;
    },
  };
  return index;
}

/** A type's resources grouped by the distinct codings of their primary code. */
interface CodeTable {
  readonly resources: readonly FhirResource[];
  /** `system|code` → one coding with that key and the input positions of the resources carrying it. */
  readonly codes: ReadonlyMap<string, { readonly coding: Coding; readonly positions: number[] }>;
}

function buildCodeTable(resources: readonly FhirResource[]): CodeTable {
  const codes = new Map<string, { coding: Coding; positions: number[] }>();
  resources.forEach((resource, position) => {
    for (const coding of primaryCode(resource)?.coding ?? []) {
      if (!coding.code) {
        continue;
      }
      const key = `${coding.system ?? ''}|${coding.code}`;
      const entry = codes.get(key);
      if (entry) {
        entry.positions.push(position);
      } else {
        codes.set(key, { coding, positions: [position] });
      }
    }
  });
  return { resources, codes };
}

/** The resources with at least one coding `isMember` accepts, in input order, each once. */
function resourcesWithCodeIn(
  table: CodeTable,
  isMember: (coding: Coding) => boolean,
): FhirResource[] {
  const positions = new Set<number>();
  for (const { coding, positions: at } of table.codes.values()) {
    if (isMember(coding)) {
      at.forEach((p) => positions.add(p));
    }
  }
  return [...positions]
    .sort((a, b) => a - b)
    .flatMap((p) => {
      const resource = table.resources[p];
      return resource ? [resource] : [];
    });
}

/**
 * The code a resource is classified by: Observation/Condition/Procedure/DiagnosticReport `code`,
 * AllergyIntolerance `code`, Encounter `reasonCode[0]`. Medications are classified by ingredient through
 * the RxNorm subset instead.
 * @param resource - any resource
 * @returns its primary concept, if it has one
 */
export function primaryCode(resource: FhirResource): CodeableConcept | undefined {
  switch (resource.resourceType) {
    case 'Observation':
    case 'Condition':
    case 'Procedure':
    case 'DiagnosticReport':
    case 'AllergyIntolerance':
      return resource.code;
    case 'Encounter':
      return resource.reasonCode?.[0];
    default:
      return undefined;
  }
}
