import type {
  Bundle,
  FhirResource,
  Medication,
  MedicationRequest,
  MedicationStatement,
} from 'fhir/r4';
import { resolveMedication } from '../src/medications/resolve-medication';
import type { ReferenceResolver } from '../src/medications/resolved-product';

// Tests spell the URIs so that a wrong constant in systems.ts would fail here.
const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const SNOMED = 'http://snomed.info/sct';

const rx = (code: string, display?: string) => ({
  system: RXNORM,
  code,
  ...(display ? { display } : {}),
});

function request(fields: Partial<MedicationRequest>): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: 'mr-1',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    ...fields,
  };
}

const bundleMedication: Medication = {
  resourceType: 'Medication',
  id: 'med-b',
  code: { coding: [rx('1049221')] },
};
const bundle: Bundle<FhirResource> = {
  resourceType: 'Bundle',
  type: 'collection',
  entry: [{ fullUrl: 'urn:uuid:med-b', resource: bundleMedication }],
};
const resolveInBundle: ReferenceResolver = (ref) =>
  bundle.entry?.find(
    (e) => e.fullUrl === ref || `${e.resource?.resourceType}/${e.resource?.id}` === ref,
  )?.resource;
const resolveNothing: ReferenceResolver = () => undefined;

interface Want {
  rxcui?: string;
  ingredients: Array<[string, string[], number | undefined]>;
  route?: string;
  topical: boolean;
  matchedBy: 'code' | 'text';
  issueCodes: string[];
}

const mapped: Array<
  [
    string,
    { given: MedicationRequest | MedicationStatement; resolve?: ReferenceResolver; want: Want },
  ]
> = [
  [
    'SCD combination in medicationCodeableConcept',
    {
      given: request({ medicationCodeableConcept: { coding: [rx('857002')] } }),
      want: {
        rxcui: '857002',
        ingredients: [
          ['161', ['apap', 'analgesic-nonopioid'], 325],
          ['5489', ['opioid'], 5],
        ],
        route: 'oral',
        topical: false,
        matchedBy: 'code',
        issueCodes: [],
      },
    },
  ],
  [
    'SCD preferred over an IN coding in the same concept',
    {
      given: request({
        medicationCodeableConcept: {
          coding: [
            rx('5640'),
            { system: 'http://hl7.org/fhir/sid/ndc', code: '0000' },
            rx('197806'),
          ],
        },
      }),
      want: {
        rxcui: '197806',
        ingredients: [['5640', ['nsaid', 'nsaid-nonselective'], 600]],
        route: 'oral',
        topical: false,
        matchedBy: 'code',
        issueCodes: [],
      },
    },
  ],
  [
    'IN-level code, no strength, route from a topical dosage route',
    {
      given: request({
        medicationCodeableConcept: { coding: [rx('3355')] },
        dosageInstruction: [{ route: { coding: [{ system: SNOMED, code: '6064005' }] } }],
      }),
      want: {
        rxcui: '3355',
        ingredients: [['3355', ['nsaid', 'nsaid-nonselective'], undefined]],
        route: 'topical',
        topical: true,
        matchedBy: 'code',
        issueCodes: [],
      },
    },
  ],
  [
    'topical gel product is topical by its dose form',
    {
      given: request({ medicationCodeableConcept: { coding: [rx('855633')] } }),
      want: {
        rxcui: '855633',
        ingredients: [['3355', ['nsaid', 'nsaid-nonselective'], 10]],
        route: 'topical',
        topical: true,
        matchedBy: 'code',
        issueCodes: [],
      },
    },
  ],
  [
    'SBD code',
    {
      given: request({ medicationCodeableConcept: { coding: [rx('1364447')] } }),
      want: {
        rxcui: '1364447',
        ingredients: [['1364430', ['anticoagulant', 'anticoagulant-doac'], 5]],
        route: 'oral',
        topical: false,
        matchedBy: 'code',
        issueCodes: [],
      },
    },
  ],
  [
    'medicationReference to a bundle Medication',
    {
      given: request({ medicationReference: { reference: 'urn:uuid:med-b' } }),
      resolve: resolveInBundle,
      want: {
        rxcui: '1049221',
        ingredients: [
          ['161', ['apap', 'analgesic-nonopioid'], 325],
          ['7804', ['opioid'], 5],
        ],
        route: 'oral',
        topical: false,
        matchedBy: 'code',
        issueCodes: [],
      },
    },
  ],
  [
    'contained Medication (#med1) without the resolver',
    {
      given: request({
        contained: [
          {
            resourceType: 'Medication',
            id: 'med1',
            code: { coding: [rx('310798')] },
          } as Medication,
        ],
        medicationReference: { reference: '#med1' },
      }),
      want: {
        rxcui: '310798',
        ingredients: [['5487', ['diuretic', 'diuretic-thiazide'], 25]],
        route: 'oral',
        topical: false,
        matchedBy: 'code',
        issueCodes: [],
      },
    },
  ],
  [
    'Medication with an uncoded code and coded ingredients with Ratio strengths',
    {
      given: request({
        contained: [
          {
            resourceType: 'Medication',
            id: 'cmp',
            code: { text: 'House liquid' },
            form: { text: 'Oral Solution' },
            ingredient: [
              {
                itemCodeableConcept: { coding: [rx('161')] },
                strength: {
                  numerator: { value: 160, unit: 'mg', code: 'mg' },
                  denominator: { value: 5, unit: 'mL', code: 'mL' },
                },
              },
              { itemCodeableConcept: { coding: [rx('99999999')] } },
            ],
          } as Medication,
        ],
        medicationReference: { reference: '#cmp' },
      }),
      want: {
        ingredients: [['161', ['apap', 'analgesic-nonopioid'], 32]],
        topical: false,
        matchedBy: 'code',
        issueCodes: ['SOLEUS_FHIR_UNMAPPED_MEDICATION'],
      },
    },
  ],
  [
    'no code at all: text fallback with a warning',
    {
      given: request({
        medicationCodeableConcept: { text: 'Quinine sulfate 324 mg capsule at night' },
      }),
      want: {
        ingredients: [['9071', ['quinine'], undefined]],
        topical: false,
        matchedBy: 'text',
        issueCodes: ['SOLEUS_FHIR_UNMAPPED_MEDICATION'],
      },
    },
  ],
  [
    'MedicationStatement with an SCD',
    {
      given: {
        resourceType: 'MedicationStatement',
        id: 'ms-1',
        status: 'active',
        subject: { reference: 'Patient/p1' },
        medicationCodeableConcept: { coding: [rx('198440')] },
      },
      want: {
        rxcui: '198440',
        ingredients: [['161', ['apap', 'analgesic-nonopioid'], 500]],
        route: 'oral',
        topical: false,
        matchedBy: 'code',
        issueCodes: [],
      },
    },
  ],
];

describe('resolveMedication: mapped products', () => {
  it.each(mapped)('%s', (_name, { given, resolve, want }) => {
    const result = resolveMedication(given, resolve ?? resolveNothing);
    if (!result.ok) {
      throw new Error(`expected a product, got ${result.issue.message}`);
    }
    const { product, issues } = result;
    expect(product.rxcui).toBe(want.rxcui);
    expect(product.ingredients.map((i) => [i.rxcui, i.classes, i.strength?.value])).toEqual(
      want.ingredients,
    );
    expect(product.route).toBe(want.route);
    expect(product.topical).toBe(want.topical);
    expect(product.matchedBy).toBe(want.matchedBy);
    expect(issues.map((i) => i.code)).toEqual(want.issueCodes);
    for (const issue of issues) {
      expect(issue.severity).toBe('warning');
      expect(issue.location?.resource).toBe('MedicationRequest/mr-1');
    }
  });
});

const unknown: Array<
  [
    string,
    {
      given: MedicationRequest;
      resolve?: ReferenceResolver;
      code: string;
      path: string;
      found: RegExp;
    },
  ]
> = [
  [
    'RxNorm SCD not in the subset',
    {
      given: request({
        medicationCodeableConcept: { coding: [rx('99999999', 'Secret Brand 10 MG')] },
      }),
      code: 'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      path: 'medicationCodeableConcept',
      found: /1 RxNorm code\(s\) not in it/,
    },
  ],
  [
    'RxNorm code present but unmapped: no text fallback',
    {
      given: request({
        medicationCodeableConcept: { coding: [rx('99999999')], text: 'ibuprofen 600' },
      }),
      code: 'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      path: 'medicationCodeableConcept',
      found: /not in it/,
    },
  ],
  [
    'text names no known ingredient',
    {
      given: request({ medicationCodeableConcept: { text: 'Herbal tea' } }),
      code: 'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      path: 'medicationCodeableConcept',
      found: /no known ingredient name/,
    },
  ],
  [
    'reference that resolves to nothing',
    {
      given: request({ medicationReference: { reference: 'Medication/missing' } }),
      code: 'SOLEUS_FHIR_UNINTERPRETABLE',
      path: 'medicationReference',
      found: /found nothing/,
    },
  ],
  [
    'contained id that is not there',
    {
      given: request({ medicationReference: { reference: '#nope' } }),
      code: 'SOLEUS_FHIR_UNINTERPRETABLE',
      path: 'medicationReference',
      found: /found nothing/,
    },
  ],
  [
    'reference to a resource that is not a Medication',
    {
      given: request({ medicationReference: { reference: 'Patient/p1' } }),
      resolve: () => ({ resourceType: 'Patient', id: 'p1' }),
      code: 'SOLEUS_FHIR_UNINTERPRETABLE',
      path: 'medicationReference',
      found: /found a Patient/,
    },
  ],
  [
    'referenced Medication with an unmapped code',
    {
      given: request({
        contained: [
          { resourceType: 'Medication', id: 'm', code: { coding: [rx('99999999')] } } as Medication,
        ],
        medicationReference: { reference: '#m' },
      }),
      code: 'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      path: 'medicationReference',
      found: /Medication\/m \(contained\) code/,
    },
  ],
  [
    'neither medicationCodeableConcept nor medicationReference',
    {
      given: request({}),
      code: 'SOLEUS_FHIR_UNINTERPRETABLE',
      path: 'medication[x]',
      found: /found neither/,
    },
  ],
];

describe('resolveMedication: unknown products are reported, never dropped', () => {
  it.each(unknown)('%s', (_name, { given, resolve, code, path, found }) => {
    const result = resolveMedication(given, resolve ?? resolveNothing);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue).toMatchObject({
        severity: 'warning',
        code,
        location: { resource: 'MedicationRequest/mr-1', path },
      });
      expect(result.issue.message).toMatch(found);
      expect(result.issue.message.startsWith(`MedicationRequest/mr-1 (${path}): `)).toBe(true);
    }
  });

  it('keeps display text (possible PHI-adjacent free text) out of the message', () => {
    const result = resolveMedication(
      request({ medicationCodeableConcept: { coding: [rx('99999999', 'Secret Brand 10 MG')] } }),
      resolveNothing,
    );
    expect(result.ok ? '' : result.issue.message).not.toContain('Secret');
  });
});
