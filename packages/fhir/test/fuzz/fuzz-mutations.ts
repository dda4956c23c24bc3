/**
 * The mutation model of the FHIR-boundary fuzzer: what a messy EHR or a broken interface engine does
 * to a record. Each mutation picks a node inside the prefetch resources or the draft orders (never the
 * request envelope) and retypes it, drops it, duplicates it, gives it a bad unit, code, date or
 * reference, adds an extra field, inserts a null entry, or swaps an array and an object. Mutations are
 * plain data (kind + two numbers), so fast-check can generate and shrink them and a failing case can
 * be saved as a fixture and replayed.
 */
import fc from 'fast-check';

/** What a mutation does. */
export const MUTATION_KINDS = [
  'retype',
  'drop',
  'duplicate',
  'badUnit',
  'badCode',
  'badDate',
  'badReference',
  'extraField',
  'nullEntry',
  'objectForArray',
  'arrayForObject',
] as const;

/** One mutation: which kind, which candidate node (`at`, modulo their count), which bad value. */
export interface Mutation {
  readonly kind: (typeof MUTATION_KINDS)[number];
  readonly at: number;
  readonly pick: number;
}

/** A node of the JSON tree: its parent container and its key there. */
interface Slot {
  readonly parent: Record<string, unknown> | unknown[];
  readonly key: string | number;
  readonly path: string;
}

const RETYPE_VALUES: readonly unknown[] = [
  42,
  -1,
  0,
  1e308,
  1.5,
  '',
  ' ',
  'x',
  'true',
  true,
  false,
  null,
  {},
  [],
  [null],
  { value: 'x' },
  [{}],
  'a'.repeat(300),
];
const BAD_UNITS: readonly unknown[] = [
  'mg/dL/',
  'kg{',
  '',
  ' ',
  'µ',
  '10*3/uL',
  'mmol/L',
  'ng/mL{FEU}{DDU}',
  '{tbl}/d',
  'Cel',
  '[degF]',
  '%',
  'mg',
  'L',
  123,
  null,
  'ng/mL{FEU}',
  'ug/L{DDU}',
  "'mg'",
];
const BAD_CODES: readonly unknown[] = [
  '',
  ' ',
  'not-a-code',
  '48065-7 ',
  'M79.66',
  'm79661',
  'I82.40',
  '5640',
  '197806',
  'active',
  'entered-in-error',
  'http://loinc.org',
  12345,
  null,
  {},
  ['x'],
];
const BAD_DATES: readonly unknown[] = [
  '2021-13-45',
  '2021-02-30',
  'yesterday',
  '',
  20210101,
  '0000-01-01',
  '9999-12-31T23:59:59Z',
  '2021-06-01T25:00:00Z',
  '2021-06-01T10:00:00+15:00',
  '2026-11-22',
  '2026-11',
  '2026',
  '2026-11-21T23:59:59.999999999-14:00',
  ' 2026-11-20 ',
  null,
  { start: '2026-11-20' },
];
const BAD_REFERENCES: readonly unknown[] = [
  '',
  '#',
  '#missing',
  'Patient/',
  'Medication/does-not-exist',
  'http://x/',
  'urn:uuid:',
  '../../etc/passwd',
  'Patient/other-patient',
  'Medication/../Patient',
  42,
  null,
  { reference: 'x' },
];
const EXTRA_FIELDS: readonly [string, unknown][] = [
  ['extraField', 'x'],
  ['__proto__', { polluted: true }],
  ['constructor', 'x'],
  ['hasOwnProperty', 1],
  ['resourceType', 'Patient'],
  ['id', 42],
  ['valueQuantity', { value: 'NaN' }],
  ['status', 'entered-in-error'],
  ['_status', { extension: [] }],
  ['extension', [{ url: 42 }]],
  ['modifierExtension', [{ url: 'urn:x', valueBoolean: true }]],
];

/** A fast-check arbitrary of 1–4 mutations. */
export const mutationsArbitrary: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({
    kind: fc.constantFrom(...MUTATION_KINDS),
    at: fc.nat(),
    pick: fc.nat(),
  }),
  { minLength: 1, maxLength: 4 },
);

/**
 * Applies mutations to a deep copy of a request, only inside `prefetch` and `context.draftOrders`.
 * @param request - the seed request (not modified)
 * @param mutations - what to do
 * @returns the mutated copy and the JSON paths touched (for failure reports)
 */
export function applyMutations(
  request: Readonly<Record<string, unknown>>,
  mutations: readonly Mutation[],
): { request: Record<string, unknown>; touched: string[] } {
  const copy = structuredClone(request) as Record<string, unknown>;
  const touched: string[] = [];
  for (const mutation of mutations) {
    const path = applyOne(copy, mutation);
    if (path !== undefined) {
      touched.push(`${mutation.kind} ${path}`);
    }
  }
  return { request: copy, touched };
}

function applyOne(request: Record<string, unknown>, mutation: Mutation): string | undefined {
  const candidates = slotsOf(request).filter((slot) => fits(mutation.kind, slot));
  const slot = candidates[mutation.at % Math.max(1, candidates.length)];
  if (!slot) {
    return undefined;
  }
  mutateSlot(slot, mutation);
  return slot.path;
}

function slotsOf(request: Record<string, unknown>): Slot[] {
  const slots: Slot[] = [];
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        slots.push({ parent: node, key: i, path: `${path}[${i}]` });
        walk(child, `${path}[${i}]`);
      });
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        slots.push({ parent: record, key, path: `${path}.${key}` });
        walk(record[key], `${path}.${key}`);
      }
    }
  };
  walk(request['prefetch'], 'prefetch');
  const context = request['context'] as Record<string, unknown> | undefined;
  if (context?.['draftOrders'] !== undefined) {
    slots.push({ parent: context, key: 'draftOrders', path: 'context.draftOrders' });
    walk(context['draftOrders'], 'context.draftOrders');
  }
  return slots;
}

const DATE_KEY = /date|Date|issued|authored|start|end|Instant|birthDate/;

function fits(kind: Mutation['kind'], slot: Slot): boolean {
  const value = valueAt(slot);
  const key = String(slot.key);
  switch (kind) {
    case 'retype':
    case 'drop':
      return true;
    case 'duplicate':
      return Array.isArray(slot.parent);
    case 'badUnit':
      return key === 'unit' || (key === 'code' && typeof value === 'string' && isQuantity(slot));
    case 'badCode':
      return key === 'code' || key === 'system';
    case 'badDate':
      return DATE_KEY.test(key) && !Array.isArray(slot.parent);
    case 'badReference':
      return key === 'reference';
    case 'extraField':
    case 'arrayForObject':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'nullEntry':
    case 'objectForArray':
      return Array.isArray(value);
  }
}

function isQuantity(slot: Slot): boolean {
  return !Array.isArray(slot.parent) && 'value' in slot.parent;
}

function valueAt(slot: Slot): unknown {
  return Array.isArray(slot.parent)
    ? slot.parent[slot.key as number]
    : slot.parent[slot.key as string];
}

function setAt(slot: Slot, value: unknown): void {
  if (Array.isArray(slot.parent)) {
    slot.parent[slot.key as number] = value;
  } else {
    // defineProperty, like JSON.parse, so that "__proto__" becomes an own member and not the prototype.
    Object.defineProperty(slot.parent, slot.key as string, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
}

function choose<T>(list: readonly T[], pick: number): T {
  return list[pick % list.length] as T;
}

function mutateSlot(slot: Slot, mutation: Mutation): void {
  const value = valueAt(slot);
  switch (mutation.kind) {
    case 'retype':
      return setAt(slot, structuredClone(choose(RETYPE_VALUES, mutation.pick)));
    case 'drop':
      if (Array.isArray(slot.parent)) {
        slot.parent.splice(slot.key as number, 1);
      } else {
        delete slot.parent[slot.key as string];
      }
      return;
    case 'duplicate':
      (slot.parent as unknown[]).splice(slot.key as number, 0, structuredClone(value));
      return;
    case 'badUnit':
      return setAt(slot, structuredClone(choose(BAD_UNITS, mutation.pick)));
    case 'badCode':
      return setAt(slot, structuredClone(choose(BAD_CODES, mutation.pick)));
    case 'badDate':
      return setAt(slot, structuredClone(choose(BAD_DATES, mutation.pick)));
    case 'badReference':
      return setAt(slot, structuredClone(choose(BAD_REFERENCES, mutation.pick)));
    case 'extraField': {
      const [key, extra] = choose(EXTRA_FIELDS, mutation.pick);
      setAt({ parent: value as Record<string, unknown>, key, path: '' }, structuredClone(extra));
      return;
    }
    case 'nullEntry':
      (value as unknown[]).splice(mutation.pick % ((value as unknown[]).length + 1), 0, null);
      return;
    case 'objectForArray':
      return setAt(slot, (value as unknown[])[0] ?? {});
    case 'arrayForObject':
      return setAt(slot, [value]);
  }
}
