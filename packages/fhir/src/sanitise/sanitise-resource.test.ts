import fc from 'fast-check';
import type { FhirResource } from 'fhir/r4';
import { readElementRules } from './read-element-rules';
import { sanitiseResource } from './sanitise-resource';

const LOINC = 'http://loinc.org';
const potassium = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'Observation',
  id: 'k1',
  status: 'final',
  subject: { reference: 'Patient/p1' },
  code: { coding: [{ system: LOINC, code: '2823-3' }] },
  effectiveDateTime: '2026-11-20T08:00:00Z',
  valueQuantity: {
    value: 3.1,
    unit: 'mmol/L',
    system: 'http://unitsofmeasure.org',
    code: 'mmol/L',
  },
  ...extra,
});

const order = (extra: Record<string, unknown>): Record<string, unknown> => ({
  resourceType: 'MedicationRequest',
  id: 'mr1',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/p1' },
  ...extra,
});

describe('sanitiseResource', () => {
  it('returns a valid resource itself, with no issue and no copy', () => {
    const resource = potassium();
    const checked = sanitiseResource(resource);
    expect(checked.resource).toBe(resource);
    expect(checked.issues).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    [
      'a unit that is a number',
      { valueQuantity: { value: 3.1, unit: 42 } },
      'valueQuantity',
      'valueQuantity.unit',
    ],
    [
      'a value that is a string',
      { valueQuantity: { value: '3.1' } },
      'valueQuantity',
      'valueQuantity.value',
    ],
    [
      'a date that is a number',
      { effectiveDateTime: 20261120 },
      'effectiveDateTime',
      'effectiveDateTime',
    ],
    [
      'interpretation as an object',
      { interpretation: { text: 'low' } },
      'interpretation',
      'interpretation',
    ],
    [
      'a null interpretation entry',
      { interpretation: [null] },
      'interpretation',
      'interpretation[0]',
    ],
  ])(
    'drops the whole top-level element holding %s and keeps the rest',
    (_name, extra, element, path) => {
      const input = potassium(extra);
      const checked = sanitiseResource(input);
      const resource = checked.resource as unknown as Record<string, unknown>;
      expect(resource).not.toBe(input);
      expect(resource).not.toHaveProperty(element);
      expect(resource['code']).toBe(input['code']);
      expect(input).toHaveProperty(element); // the caller's object is never changed
      expect(checked.issues).toEqual([
        expect.objectContaining({
          severity: 'warning',
          code: 'SOLEUS_FHIR_UNINTERPRETABLE',
          location: { resource: 'Observation/k1', path },
        }),
      ]);
    },
  );

  it.each<[string, Record<string, unknown>, string]>([
    ['status as a number', { status: 1 }, 'status'],
    [
      'code.coding as an object',
      { code: { coding: { system: LOINC, code: '2823-3' } } },
      'code.coding',
    ],
    ['a null coding', { code: { coding: [null] } }, 'code.coding[0]'],
    [
      'a coding code that is a number',
      { code: { coding: [{ system: LOINC, code: 2823 }] } },
      'code.coding[0].code',
    ],
    ['subject as a string', { subject: 'Patient/p1' }, 'subject'],
    [
      'dataAbsentReason as a string (its presence means "no value")',
      { dataAbsentReason: 'error' },
      'dataAbsentReason',
    ],
    ['an id that is a number (identity)', { id: 7 }, 'id'],
  ])('skips the resource for a critical element: %s', (_name, extra, path) => {
    const checked = sanitiseResource(potassium(extra));
    expect(checked.resource).toBeUndefined();
    expect(checked.issues).toEqual([
      expect.objectContaining({
        code: 'SOLEUS_FHIR_INVALID_RESOURCE',
        location: expect.objectContaining({ path }),
      }),
    ]);
    expect(checked.issues[0]?.message).toContain('the resource was skipped');
  });

  it('skips a Condition whose verificationStatus cannot be read (it might say entered-in-error)', () => {
    const condition = {
      resourceType: 'Condition',
      id: 'c1',
      subject: { reference: 'Patient/p1' },
      clinicalStatus: { coding: [{ code: 'active' }] },
      verificationStatus: { coding: { code: 'entered-in-error' } },
      code: { coding: [{ system: 'http://snomed.info/sct', code: '128053003' }] },
    };
    expect(sanitiseResource(condition).resource).toBeUndefined();
  });

  it('drops an unreadable dosage whole, so the daily dose is unknown rather than guessed', () => {
    const checked = sanitiseResource(
      order({
        medicationCodeableConcept: { coding: [{ system: 'urn:x', code: '1' }] },
        dosageInstruction: [
          { timing: { repeat: { frequency: 4, period: 1, periodUnit: 'd' } } },
          { timing: { repeat: { frequency: '2' } } },
        ],
      }),
    );
    expect(checked.resource).not.toHaveProperty('dosageInstruction');
    expect(checked.issues[0]?.location?.path).toBe('dosageInstruction[1].timing.repeat.frequency');
  });

  it('checks contained resources and keeps the valid ones', () => {
    const medication = { resourceType: 'Medication', id: 'm1', code: { text: 'ibuprofen' } };
    const checked = sanitiseResource(
      order({
        medicationReference: { reference: '#m1' },
        contained: [
          medication,
          { resourceType: 'Medication', id: 'm2', code: { coding: 'x' } },
          42,
        ],
      }),
    );
    const contained = (checked.resource as { contained?: unknown[] }).contained;
    expect(contained).toEqual([medication, { resourceType: 'Medication', id: 'm2' }]);
    expect(checked.issues.map((i) => [i.code, i.location?.resource, i.location?.path])).toEqual([
      ['SOLEUS_FHIR_UNINTERPRETABLE', 'MedicationRequest/mr1#m2', 'code.coding'],
      ['SOLEUS_FHIR_INVALID_RESOURCE', 'MedicationRequest/mr1', undefined],
    ]);
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['an array', [{ resourceType: 'Patient' }]],
    ['an object without resourceType', { id: 'x' }],
    ['a resourceType that is not a string', { resourceType: 7 }],
  ])('skips %s found where a resource should be', (_name, value) => {
    const checked = sanitiseResource(value);
    expect(checked.resource).toBeUndefined();
    expect(checked.issues).toEqual([
      expect.objectContaining({ code: 'SOLEUS_FHIR_INVALID_RESOURCE' }),
    ]);
  });

  describe('unknown modifier extensions (FHIR R4: not safely processable, so unknown)', () => {
    const modifier = {
      url: 'http://example.org/fhir/StructureDefinition/not-given',
      valueBoolean: true,
    };
    it.each<[string, Record<string, unknown>, string]>([
      ['on the resource', order({ modifierExtension: [modifier] }), 'modifierExtension'],
      [
        'on an element',
        order({ dosageInstruction: [{ text: 'daily', modifierExtension: [modifier] }] }),
        'dosageInstruction[0].modifierExtension',
      ],
      ['on an Observation', potassium({ modifierExtension: [modifier] }), 'modifierExtension'],
    ])('skips a resource with one %s, with an issue naming where', (_name, resource, path) => {
      const checked = sanitiseResource(resource);
      expect(checked.resource).toBeUndefined();
      expect(checked.issues).toEqual([
        expect.objectContaining({
          code: 'SOLEUS_FHIR_UNINTERPRETABLE',
          location: {
            resource: `${String(resource['resourceType'])}/${String(resource['id'])}`,
            path,
          },
          message: expect.stringContaining(modifier.url),
        }),
      ]);
    });

    it('skips only the contained resource that carries one', () => {
      const checked = sanitiseResource(
        order({
          medicationReference: { reference: '#m1' },
          contained: [{ resourceType: 'Medication', id: 'm1', modifierExtension: [modifier] }],
        }),
      );
      expect((checked.resource as { contained?: unknown[] }).contained).toEqual([]);
      expect(checked.issues.map((i) => i.location?.resource)).toEqual(['MedicationRequest/mr1#m1']);
    });

    // The allocation-free precheck must find exactly what a plain walk of every element finds.
    it('skips a resource exactly when some element carries a non-empty modifierExtension', () => {
      const carries = (node: unknown): boolean =>
        Array.isArray(node)
          ? node.some(carries)
          : typeof node === 'object' && node !== null
            ? Object.entries(node).some(
                ([key, child]) =>
                  (key === 'modifierExtension' && Array.isArray(child) && child.length > 0) ||
                  carries(child),
              )
            : false;
      const key = fc.constantFrom('modifierExtension', 'extension', 'contained', 'text', 'item');
      const { tree } = fc.letrec((tie) => ({
        tree: fc.oneof(
          { depthSize: 'small' },
          fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)),
          fc.array(tie('tree'), { maxLength: 3 }),
          fc.dictionary(key, tie('tree'), { maxKeys: 4 }),
        ),
      }));
      fc.assert(
        fc.property(tree, (note) => {
          const checked = sanitiseResource(order({ note }));
          const skippedForModifier =
            checked.resource === undefined &&
            checked.issues.some((i) => i.message.includes('modifier extension'));
          expect(skippedForModifier).toBe(carries(note));
        }),
        { seed: 17, numRuns: 500 },
      );
    });

    it('keeps a resource whose modifierExtension is empty, and ordinary extensions', () => {
      const resource = order({ modifierExtension: [], extension: [modifier] });
      expect(sanitiseResource(resource).resource).toBe(resource);
    });
  });

  it('never puts a value of the record in a message (no PHI)', () => {
    const patient = {
      resourceType: 'Patient',
      id: 'p1',
      birthDate: { secret: 'Jane Doe 1970-05-04' },
      gender: 'Jane Doe',
    };
    const checked = sanitiseResource(patient);
    expect(checked.resource).toEqual({ resourceType: 'Patient', id: 'p1', gender: 'Jane Doe' });
    expect(JSON.stringify(checked.issues)).not.toMatch(/Jane|1970|secret/);
    expect(checked.issues[0]?.message).toBe(
      'Patient/p1 birthDate: expected string (FHIR R4 JSON), found object; this element was left out, so what it says is unknown',
    );
  });

  it('checks only identity for a type Soleus does not read', () => {
    const claim = {
      resourceType: 'Claim',
      id: 'c1',
      total: 'not checked',
    } as unknown as FhirResource;
    expect(sanitiseResource(claim).resource).toBe(claim);
    expect(readElementRules('Claim').critical).toEqual(new Set(['resourceType', 'id']));
  });
});
