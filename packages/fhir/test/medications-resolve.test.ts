/**
 * resolveMedication through the shipped medication index: identified by code or by RxNorm normalized
 * name, out of scope, or unidentified, with the issue severity that says who must hear about it.
 * Every RxCUI and name here is in the CDS Hooks sandbox list (test/fixtures/rxnorm) or is an RxNorm code
 * and display of a third-party record (test/fixtures/synthea), as the comment beside it says.
 */
import type {
  Bundle,
  FhirResource,
  Medication,
  MedicationRequest,
  MedicationStatement,
} from 'fhir/r4';
import { resolveMedication } from '../src/medications/resolve-medication';
import type { MedicationResolution, ReferenceResolver } from '../src/medications/resolved-product';

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
  /** [RxCUI (undefined outside the rules), value sets, strength value]. */
  ingredients: Array<[string | undefined, string[], number | undefined]>;
  route?: string;
  topical: boolean;
  identifiedBy: 'code' | 'name';
  issues: Array<[string, 'warning' | 'information']>;
}

const identified: Array<
  [
    string,
    { given: MedicationRequest | MedicationStatement; resolve?: ReferenceResolver; want: Want },
  ]
> = [
  [
    'SCD combination 857002 (sandbox list)',
    {
      given: request({ medicationCodeableConcept: { coding: [rx('857002')] } }),
      want: {
        rxcui: '857002',
        ingredients: [
          ['161', ['apap'], 325],
          ['5489', ['opioids'], 5],
        ],
        route: 'oral',
        topical: false,
        identifiedBy: 'code',
        issues: [],
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
        ingredients: [['5640', ['nsaid-nonselective', 'nsaid-systemic'], 600]],
        route: 'oral',
        topical: false,
        identifiedBy: 'code',
        issues: [],
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
        ingredients: [['3355', ['nsaid-nonselective', 'nsaid-systemic'], undefined]],
        route: 'topical',
        topical: true,
        identifiedBy: 'code',
        issues: [],
      },
    },
  ],
  [
    'topical gel identified by its RxNorm normalized name is topical by its dose form',
    {
      given: request({
        medicationCodeableConcept: { text: 'Diclofenac Sodium 10 MG/ML Topical Gel' },
      }),
      want: {
        ingredients: [['3355', ['nsaid-nonselective', 'nsaid-systemic'], 10]],
        route: 'topical',
        topical: true,
        identifiedBy: 'name',
        issues: [['SOLEUS_FHIR_MEDICATION_BY_NAME', 'information']],
      },
    },
  ],
  [
    'SBD code 209459 Acetaminophen 500 MG Oral Tablet [Tylenol] (sandbox list)',
    {
      given: request({ medicationCodeableConcept: { coding: [rx('209459')] } }),
      want: {
        rxcui: '209459',
        ingredients: [['161', ['apap'], 500]],
        route: 'oral',
        topical: false,
        identifiedBy: 'code',
        issues: [],
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
          ['161', ['apap'], 325],
          ['7804', ['opioids'], 5],
        ],
        route: 'oral',
        topical: false,
        identifiedBy: 'code',
        issues: [],
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
        ingredients: [['5487', ['cramp-culprit-drugs', 'diuretics-thiazide'], 25]],
        route: 'oral',
        topical: false,
        identifiedBy: 'code',
        issues: [],
      },
    },
  ],
  [
    'Medication with an uncoded code and coded ingredients; the unknown item stays in the product',
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
        ingredients: [
          ['161', ['apap'], 32],
          [undefined, [], undefined],
        ],
        topical: false,
        identifiedBy: 'code',
        issues: [['SOLEUS_FHIR_UNMAPPED_MEDICATION', 'warning']],
      },
    },
  ],
  [
    'no code at all: text that is an RxNorm normalized name (sandbox 997010)',
    {
      given: request({
        medicationCodeableConcept: { text: 'Quinine Sulfate 324 MG Oral Capsule' },
      }),
      want: {
        ingredients: [['9071', ['quinine'], 324]],
        route: 'oral',
        topical: false,
        identifiedBy: 'name',
        issues: [['SOLEUS_FHIR_MEDICATION_BY_NAME', 'information']],
      },
    },
  ],
  [
    'code not in the index, display an RxNorm name (record synthea-r4_Fletcher_Hyatt, 1049717)',
    {
      given: request({
        medicationCodeableConcept: {
          coding: [rx('1049717', 'Oxycodone Hydrochloride 10 MG Oral Capsule')],
        },
      }),
      want: {
        ingredients: [['7804', ['opioids'], 10]],
        route: 'oral',
        topical: false,
        identifiedBy: 'name',
        issues: [['SOLEUS_FHIR_MEDICATION_BY_NAME', 'information']],
      },
    },
  ],
  [
    'tall-man lettering and a qualifier prefix parse (record 1860154)',
    {
      given: request({
        medicationCodeableConcept: {
          coding: [
            rx(
              '1860154',
              'Abuse-Deterrent 12 HR Oxycodone Hydrochloride 15 MG Extended Release Oral Tablet',
            ),
          ],
        },
      }),
      want: {
        ingredients: [['7804', ['opioids'], 15]],
        route: 'oral',
        topical: false,
        identifiedBy: 'name',
        issues: [['SOLEUS_FHIR_MEDICATION_BY_NAME', 'information']],
      },
    },
  ],
  [
    'code and display name different products: the code is used, the conflict reported (record 833036)',
    {
      given: request({
        medicationCodeableConcept: { coding: [rx('833036', 'Captopril 25 MG Oral Tablet')] },
      }),
      want: {
        rxcui: '833036',
        ingredients: [
          ['161', ['apap'], 750],
          ['5489', ['opioids'], 7.5],
        ],
        route: 'oral',
        topical: false,
        identifiedBy: 'code',
        issues: [['SOLEUS_FHIR_MEDICATION_CONFLICT', 'warning']],
      },
    },
  ],
  [
    'a listed ingredient beside an unverified class member (magnesium salicylate, sandbox 359746)',
    {
      given: request({ medicationCodeableConcept: { coding: [rx('359746')] } }),
      want: {
        rxcui: '359746',
        ingredients: [
          ['161', ['apap'], 250],
          [undefined, [], 250],
        ],
        route: 'oral',
        topical: false,
        identifiedBy: 'code',
        issues: [['SOLEUS_FHIR_UNMAPPED_MEDICATION', 'warning']],
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
        ingredients: [['161', ['apap'], 500]],
        route: 'oral',
        topical: false,
        identifiedBy: 'code',
        issues: [],
      },
    },
  ],
];

function expectIdentified(result: MedicationResolution) {
  if (result.status !== 'identified') {
    throw new Error(`expected a product, got ${result.status}`);
  }
  return result;
}

describe('resolveMedication: identified products', () => {
  it.each(identified)('%s', (_name, { given, resolve, want }) => {
    const { product, issues } = expectIdentified(
      resolveMedication(given, resolve ?? resolveNothing),
    );
    expect(product.rxcui).toBe(want.rxcui);
    expect(product.ingredients.map((i) => [i.rxcui, i.valueSets, i.strength?.value])).toEqual(
      want.ingredients,
    );
    expect(product.route).toBe(want.route);
    expect(product.topical).toBe(want.topical);
    expect(product.identifiedBy).toBe(want.identifiedBy);
    expect(issues.map((i) => [i.code, i.severity])).toEqual(want.issues);
    for (const issue of issues) {
      expect(issue.location?.resource).toMatch(/^Medication(Request|Statement)\//);
    }
  });
});

describe('resolveMedication: out of scope by ingredient', () => {
  it.each([
    ['by code (sandbox 562251, amoxicillin / clavulanate)', { coding: [rx('562251')] }],
    ['by name (text)', { text: 'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet' }],
    [
      'an ingredient name with a bracketed brand (record 308971)',
      { coding: [rx('308971', 'Carbamazepine[Tegretol]')] },
    ],
  ])('%s: no issue, nothing counted', (_name, concept) => {
    const result = resolveMedication(
      request({ medicationCodeableConcept: concept }),
      resolveNothing,
    );
    expect(result).toEqual({ status: 'out-of-scope', issues: [] });
  });
});

const unidentified: Array<
  [
    string,
    {
      given: MedicationRequest;
      resolve?: ReferenceResolver;
      code: string;
      severity: 'warning' | 'information';
      path: string;
      found: RegExp;
      suggests?: string[];
    },
  ]
> = [
  [
    'code not in the index, display not of known ingredients',
    {
      given: request({
        medicationCodeableConcept: { coding: [rx('99999999', 'Secret Brand 10 MG')] },
      }),
      code: 'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      severity: 'information',
      path: 'medicationCodeableConcept',
      found:
        /could not be identified .* no ingredient a rule reads in its name; counted, not shown/,
    },
  ],
  [
    'code not in the index, text that is not a normalized name but names an NSAID',
    {
      given: request({
        medicationCodeableConcept: { coding: [rx('99999999')], text: 'ibuprofen 600' },
      }),
      code: 'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      severity: 'warning',
      path: 'medicationCodeableConcept',
      found: /but its name suggests ibuprofen, which a rule reads; the order was not checked/,
      suggests: ['ibuprofen'],
    },
  ],
  [
    'a misspelt statin (record display "Simvistatin 10 MG", here with an unknown code)',
    {
      given: request({
        medicationCodeableConcept: { coding: [rx('99999999', 'Simvistatin 10 MG')] },
      }),
      code: 'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      severity: 'warning',
      path: 'medicationCodeableConcept',
      found: /suggests simvastatin/,
      suggests: ['simvastatin'],
    },
  ],
  [
    'a watch-list NSAID without a verified ingredient code (sandbox 197694, fenoprofen)',
    {
      given: request({ medicationCodeableConcept: { coding: [rx('197694')] } }),
      code: 'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      severity: 'warning',
      path: 'medicationCodeableConcept',
      found:
        /contains an ingredient read as fenoprofen \(a class a rule reads\) without a verified RxNorm ingredient code/,
      suggests: ['fenoprofen'],
    },
  ],
  [
    'a pack name (record 748962)',
    {
      given: request({
        medicationCodeableConcept: { coding: [rx('748962', 'Camila 28 Day Pack')] },
      }),
      code: 'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      severity: 'information',
      path: 'medicationCodeableConcept',
      found: /could not be identified/,
    },
  ],
  [
    'text names no known ingredient',
    {
      given: request({ medicationCodeableConcept: { text: 'Herbal tea' } }),
      code: 'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      severity: 'information',
      path: 'medicationCodeableConcept',
      found: /no ingredient a rule reads in its name/,
    },
  ],
  [
    'reference that resolves to nothing',
    {
      given: request({ medicationReference: { reference: 'Medication/missing' } }),
      code: 'SOLEUS_FHIR_UNINTERPRETABLE',
      severity: 'information',
      path: 'medicationReference',
      found: /found nothing/,
    },
  ],
  [
    'contained id that is not there',
    {
      given: request({ medicationReference: { reference: '#nope' } }),
      code: 'SOLEUS_FHIR_UNINTERPRETABLE',
      severity: 'information',
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
      severity: 'information',
      path: 'medicationReference',
      found: /found a Patient/,
    },
  ],
  [
    'referenced Medication with an unknown code',
    {
      given: request({
        contained: [
          { resourceType: 'Medication', id: 'm', code: { coding: [rx('99999999')] } } as Medication,
        ],
        medicationReference: { reference: '#m' },
      }),
      code: 'SOLEUS_FHIR_UNMAPPED_MEDICATION',
      severity: 'information',
      path: 'medicationReference',
      found: /Medication\/m \(contained\) code could not be identified .* has no name/,
    },
  ],
  [
    'neither medicationCodeableConcept nor medicationReference',
    {
      given: request({}),
      code: 'SOLEUS_FHIR_UNINTERPRETABLE',
      severity: 'information',
      path: 'medication[x]',
      found: /found neither/,
    },
  ],
];

describe('resolveMedication: unidentified products are reported, never dropped', () => {
  it.each(unidentified)(
    '%s',
    (_name, { given, resolve, code, severity, path, found, suggests }) => {
      const result = resolveMedication(given, resolve ?? resolveNothing);
      if (result.status !== 'unidentified') {
        throw new Error(`expected unidentified, got ${result.status}`);
      }
      expect(result.issue).toMatchObject({
        severity,
        code,
        location: { resource: 'MedicationRequest/mr-1', path },
      });
      expect(result.issue.message).toMatch(found);
      expect(result.issue.message.startsWith(`MedicationRequest/mr-1 (${path}): `)).toBe(true);
      expect(result.suggests).toEqual(suggests ?? []);
    },
  );

  it('keeps display text (possible PHI-adjacent free text) out of the message', () => {
    const result = resolveMedication(
      request({ medicationCodeableConcept: { coding: [rx('99999999', 'Secret Brand 10 MG')] } }),
      resolveNothing,
    );
    expect(result.status === 'unidentified' ? result.issue.message : '').not.toContain('Secret');
  });
});
