/**
 * Metamorphic transformations of a vignette's bundles (issue 11): each rewrites a record the way real
 * feeds do without changing what is known about the patient, so the cards must not change.
 */

type Json = Record<string, unknown>;

/** A vignette's inputs as JSON. */
export interface VignetteBundles {
  readonly bundle: unknown;
  readonly drafts?: unknown;
}

/** A named transformation. */
export interface Transformation {
  readonly name: string;
  readonly apply: (input: VignetteBundles) => VignetteBundles;
}

const OTHER = 'mm-other-patient';

function entriesOf(bundle: unknown): Json[] {
  const entry = (bundle as { entry?: unknown }).entry;
  return Array.isArray(entry) ? (entry as Json[]) : [];
}

function withEntries(bundle: unknown, entries: Json[]): unknown {
  return { ...(bundle as Json), entry: entries };
}

function mapResources(bundle: unknown, fn: (r: Json) => Json): unknown {
  return withEntries(
    bundle,
    entriesOf(bundle).map((e) => ({ ...e, resource: fn(structuredClone(e.resource as Json)) })),
  );
}

/** Entries a bundle may carry that are not resources at all are left alone (they are reported once). */
function isResource(r: unknown): boolean {
  return typeof r === 'object' && r !== null && typeof (r as Json)['resourceType'] === 'string';
}

function isPatientData(r: Json): boolean {
  if (!isResource(r)) {
    return false;
  }
  return (
    r['resourceType'] !== 'Patient' && (r['subject'] !== undefined || r['patient'] !== undefined)
  );
}

/** Another patient's copy: new id, subject/patient pointing elsewhere, values and dates kept. */
function foreignCopy(r: Json): Json {
  const copy = structuredClone(r);
  copy['id'] = `mm-foreign-${String(r['id'] ?? 'x')}`;
  for (const key of ['subject', 'patient']) {
    if (copy[key] !== undefined) {
      copy[key] = { reference: `Patient/${OTHER}` };
    }
  }
  return copy;
}

/** The same resource marked entered-in-error, as each type says it. */
function enteredInError(r: Json): Json {
  const copy = structuredClone(r);
  if (copy['resourceType'] === 'Condition') {
    delete copy['clinicalStatus'];
    copy['verificationStatus'] = {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
          code: 'entered-in-error',
        },
      ],
    };
  } else {
    copy['status'] = 'entered-in-error';
  }
  return copy;
}

/** What an earlier version said: another value, another status — anything that would show if used. */
function differentReading(r: Json): Json {
  const copy = structuredClone(r);
  const q = copy['valueQuantity'] as Json | undefined;
  if (q !== undefined && typeof q['value'] === 'number') {
    copy['valueQuantity'] = { ...q, value: q['value'] * 10 };
  }
  switch (copy['resourceType']) {
    case 'Observation':
    case 'DiagnosticReport':
      copy['status'] = 'final';
      break;
    case 'Condition':
      copy['clinicalStatus'] = {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
        ],
      };
      copy['verificationStatus'] = {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
            code: 'confirmed',
          },
        ],
      };
      delete copy['abatementDateTime'];
      break;
    case 'MedicationRequest':
    case 'MedicationStatement':
      copy['status'] = 'active';
      break;
  }
  return copy;
}

/** Add every patient-data resource again as another patient's (record and drafts), plus that Patient. */
export const addForeignPatient: Transformation = {
  name: 'add the resources of another patient',
  apply: ({ bundle, drafts }) => ({
    bundle: withEntries(bundle, [
      ...entriesOf(bundle),
      { resource: { resourceType: 'Patient', id: OTHER, gender: 'male', birthDate: '1930-01-01' } },
      ...entriesOf(bundle)
        .filter((e) => isPatientData(e.resource as Json))
        .map((e) => ({ resource: foreignCopy(e.resource as Json) })),
    ]),
    ...(drafts === undefined
      ? {}
      : {
          drafts: withEntries(drafts, [
            ...entriesOf(drafts),
            ...entriesOf(drafts).map((e) => ({ resource: foreignCopy(e.resource as Json) })),
          ]),
        }),
  }),
};

/**
 * Add an older version of every resource that has an id (numeric versionIds kept in order) whose content
 * would change the result if it were used: results read ten times higher and final, conditions active
 * and confirmed, orders active.
 */
export const addOlderVersion: Transformation = {
  name: 'add an older, different version of each resource',
  apply: ({ bundle, drafts }) => ({
    bundle: olderVersions(bundle),
    ...(drafts === undefined ? {} : { drafts }),
  }),
};

function olderVersions(bundle: unknown): unknown {
  const lowest = new Map<string, number>();
  for (const e of entriesOf(bundle)) {
    const r = e.resource as Json;
    const meta = (r['meta'] ?? {}) as Json;
    const key = `${String(r['resourceType'])}/${String(r['id'])}`;
    const version = typeof meta['versionId'] === 'string' ? Number(meta['versionId']) : 2;
    lowest.set(key, Math.min(lowest.get(key) ?? Infinity, version));
  }
  const current = entriesOf(bundle).map((e) => {
    const r = structuredClone(e.resource as Json);
    const meta = (r['meta'] ?? {}) as Json;
    if (r['id'] !== undefined && meta['versionId'] === undefined) {
      r['meta'] = { ...meta, versionId: '2' };
    }
    return { ...e, resource: r };
  });
  const older = current
    .filter((e) => isResource(e.resource) && (e.resource as Json)['id'] !== undefined)
    .map((e) => {
      const r = differentReading(e.resource as Json);
      const key = `${String(r['resourceType'])}/${String(r['id'])}`;
      r['meta'] = { ...((r['meta'] ?? {}) as Json), versionId: String((lowest.get(key) ?? 2) - 1) };
      return { resource: r };
    })
    .filter((e) => Number(((e.resource['meta'] ?? {}) as Json)['versionId']) >= 0);
  return withEntries(bundle, [...older, ...current]);
}

/** Add an entered-in-error copy (new id) of every patient-data resource. */
export const addEnteredInErrorCopy: Transformation = {
  name: 'add an entered-in-error copy of each resource',
  apply: ({ bundle, drafts }) => ({
    bundle: withEntries(bundle, [
      ...entriesOf(bundle),
      ...entriesOf(bundle)
        .filter((e) => isPatientData(e.resource as Json))
        .map((e) => {
          const copy = enteredInError(e.resource as Json);
          copy['id'] = `mm-eie-${String(copy['id'] ?? 'x')}`;
          return { resource: copy };
        }),
    ]),
    ...(drafts === undefined ? {} : { drafts }),
  }),
};

/** Reverse the order of the entries. */
export const reorderEntries: Transformation = {
  name: 'reorder the entries',
  apply: ({ bundle, drafts }) => ({
    bundle: withEntries(bundle, [...entriesOf(bundle)].reverse()),
    ...(drafts === undefined
      ? {}
      : { drafts: withEntries(drafts, [...entriesOf(drafts)].reverse()) }),
  }),
};

/** Move every medicationCodeableConcept into a contained Medication referenced by `#id`. */
export const containMedications: Transformation = {
  name: 'move each medication into a contained Medication',
  apply: ({ bundle, drafts }) => ({
    bundle: mapResources(bundle, contain),
    ...(drafts === undefined ? {} : { drafts: mapResources(drafts, contain) }),
  }),
};

function contain(r: Json): Json {
  const concept = r['medicationCodeableConcept'];
  if (concept === undefined) {
    return r;
  }
  delete r['medicationCodeableConcept'];
  const contained = Array.isArray(r['contained']) ? (r['contained'] as Json[]) : [];
  r['contained'] = [...contained, { resourceType: 'Medication', id: 'mm-med', code: concept }];
  r['medicationReference'] = { reference: '#mm-med' };
  return r;
}

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Express every instant (a dateTime with a time) in another time zone (+13:00); dates stay dates. */
export const shiftTimeZone: Transformation = {
  name: 'express every instant in another time zone',
  apply: ({ bundle, drafts }) => ({
    bundle: rewriteInstants(bundle),
    ...(drafts === undefined ? {} : { drafts: rewriteInstants(drafts) }),
  }),
};

function rewriteInstants(value: unknown): unknown {
  if (typeof value === 'string') {
    return INSTANT.test(value) ? inZone(value, 13 * 60) : value;
  }
  if (Array.isArray(value)) {
    return value.map(rewriteInstants);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewriteInstants(v)]));
  }
  return value;
}

function inZone(instant: string, offsetMinutes: number): string {
  const ms = Date.parse(instant);
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const seconds = INSTANT.exec(instant)?.[4];
  const text =
    seconds === undefined
      ? local.slice(0, 16)
      : seconds.includes('.')
        ? `${local}${seconds.slice(3)}`
        : local;
  const h = String(Math.floor(offsetMinutes / 60)).padStart(2, '0');
  const m = String(offsetMinutes % 60).padStart(2, '0');
  return `${text}+${h}:${m}`;
}

/** Equivalent UCUM units (factor from the first to the second), annotations kept. */
const EQUIVALENT_UNITS: ReadonlyArray<readonly [string, string, (v: number) => number]> = [
  ['mmol/L', 'umol/L', (v) => v * 1000],
  ['mg/dL', 'mg/L', (v) => v * 10],
  ['ng/mL', 'mg/L', (v) => v / 1000],
  ['ug/L', 'ng/mL', (v) => v],
  ['mg/L', 'ug/mL', (v) => v],
  ['ug/mL', 'mg/L', (v) => v],
  ['g/dL', 'g/L', (v) => v * 10],
  ['kg', 'g', (v) => v * 1000],
  ['Cel', '[degF]', (v) => (v * 9) / 5 + 32],
  ['wk', 'd', (v) => v * 7],
  ['cm', 'mm', (v) => v * 10],
];

/** Convert every Observation quantity with a known UCUM unit to an equivalent unit. */
export const convertUnits: Transformation = {
  name: 'convert each result to an equivalent unit',
  apply: ({ bundle, drafts }) => ({
    bundle: mapResources(bundle, (r) =>
      r['resourceType'] === 'Observation' ? convertObservation(r) : r,
    ),
    ...(drafts === undefined ? {} : { drafts }),
  }),
};

function convertObservation(r: Json): Json {
  const q = r['valueQuantity'] as Json | undefined;
  const code = typeof q?.['code'] === 'string' ? q['code'] : undefined;
  if (q === undefined || code === undefined || typeof q['value'] !== 'number') {
    return r;
  }
  const [, unit, annotation] = /^([^{]*)(\{.*\})?$/.exec(code) ?? [];
  const rule = EQUIVALENT_UNITS.find(([from]) => from === unit);
  if (rule === undefined) {
    return r;
  }
  const converted = `${rule[1]}${annotation ?? ''}`;
  r['valueQuantity'] = {
    ...q,
    value: Number(rule[2](q['value']).toPrecision(12)),
    unit: converted,
    code: converted,
  };
  return r;
}

/** The transformations that must leave every clinical card unchanged. */
export const EQUIVALENCE_TRANSFORMATIONS: readonly Transformation[] = [
  addForeignPatient,
  addOlderVersion,
  addEnteredInErrorCopy,
  reorderEntries,
  containMedications,
  shiftTimeZone,
  convertUnits,
];
