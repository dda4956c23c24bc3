import type { Dosage, Medication, MedicationRequest, MedicationStatement, Quantity } from 'fhir/r4';
import { computeDailyDose } from '../src/medications/daily-dose';
import { resolveMedication } from '../src/medications/resolve-medication';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const concept = (code: string) => ({ coding: [{ system: RXNORM, code }] });

const tbl = (value: number): Quantity => ({
  value,
  unit: 'tablet',
  system: 'http://unitsofmeasure.org',
  code: '{tbl}',
});
const mg = (value: number): Quantity => ({ value, unit: 'mg', code: 'mg' });
const ml = (value: number): Quantity => ({ value, unit: 'mL', code: 'mL' });
const every = (
  frequency: number,
  period: number,
  periodUnit: 'h' | 'd' | 'wk' | 'mo',
): Dosage['timing'] => ({
  repeat: { frequency, period, periodUnit },
});

function order(
  rxcui: string,
  dosageInstruction: Dosage[],
  extra: Partial<MedicationRequest> = {},
): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: 'mr-1',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: concept(rxcui),
    dosageInstruction,
    ...extra,
  };
}

function dailyDose(given: MedicationRequest | MedicationStatement) {
  const resolved = resolveMedication(given, () => undefined);
  if (resolved.status !== 'identified') {
    throw new Error(`fixture does not resolve: ${resolved.status}`);
  }
  return computeDailyDose(given, resolved.product);
}

/** An order coded with an RxCUI the index does not hold, identified by its RxNorm normalized name. */
const named = (rxcui: string, display: string) => ({
  coding: [{ system: RXNORM, code: rxcui, display }],
});

const known: Array<
  [string, { given: MedicationRequest | MedicationStatement; want: Array<[string, number]> }]
> = [
  [
    'scheduled: ibuprofen 600 mg tab, 1 tab q8h',
    {
      given: order('197806', [
        { doseAndRate: [{ doseQuantity: tbl(1) }], timing: every(1, 8, 'h') },
      ]),
      want: [['5640', 1800]],
    },
  ],
  [
    'combination 857002: 2 tabs q6h = 2,600 mg APAP + 40 mg hydrocodone',
    {
      given: order('857002', [
        { doseAndRate: [{ doseQuantity: tbl(2) }], timing: every(1, 6, 'h') },
      ]),
      want: [
        ['161', 2600],
        ['5489', 40],
      ],
    },
  ],
  [
    'PRN with maxDosePerPeriod 8 tabs / 1 d overrides 1-2 tabs q4h',
    {
      given: order('857002', [
        {
          asNeededBoolean: true,
          doseAndRate: [{ doseRange: { low: tbl(1), high: tbl(2) } }],
          timing: every(1, 4, 'h'),
          maxDosePerPeriod: {
            numerator: tbl(8),
            denominator: { value: 1, unit: 'day', code: 'd' },
          },
        },
      ]),
      want: [
        ['161', 2600],
        ['5489', 40],
      ],
    },
  ],
  [
    'maxDosePerPeriod 3,000 mg / 24 h on an IN-coded order',
    {
      given: order('161', [
        {
          asNeededBoolean: true,
          doseAndRate: [{ doseQuantity: mg(1000) }],
          timing: every(1, 4, 'h'),
          maxDosePerPeriod: { numerator: mg(3000), denominator: { value: 24, unit: 'h' } },
        },
      ]),
      want: [['161', 3000]],
    },
  ],
  [
    'PRN with frequencyMax: 1 tab 1-2 times per 8 h = 6 tabs',
    {
      given: order('198440', [
        {
          asNeededBoolean: true,
          doseAndRate: [{ doseQuantity: tbl(1) }],
          timing: { repeat: { frequency: 1, frequencyMax: 2, period: 8, periodUnit: 'h' } },
        },
      ]),
      want: [['161', 3000]],
    },
  ],
  [
    'scheduled ignores frequencyMax (only PRN uses it)',
    {
      given: order('198440', [
        {
          doseAndRate: [{ doseQuantity: tbl(1) }],
          timing: { repeat: { frequency: 1, frequencyMax: 2, period: 8, periodUnit: 'h' } },
        },
      ]),
      want: [['161', 1500]],
    },
  ],
  [
    'PRN q4-6h (asNeededCodeableConcept): the shortest interval counts, periodMax never lowers it',
    {
      given: order('198440', [
        {
          asNeededCodeableConcept: { text: 'pain' },
          doseAndRate: [{ doseQuantity: tbl(1) }],
          timing: { repeat: { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' } },
        },
      ]),
      want: [['161', 3000]],
    },
  ],
  [
    'mg-dosed IN-coded order: 1,000 mg q6h',
    {
      given: order('161', [
        { doseAndRate: [{ doseQuantity: mg(1000) }], timing: every(1, 6, 'h') },
      ]),
      want: [['161', 4000]],
    },
  ],
  [
    'mg-dosed single-ingredient SCD: 400 mg three times a day',
    {
      given: order('197806', [
        { doseAndRate: [{ doseQuantity: mg(400) }], timing: every(3, 1, 'd') },
      ]),
      want: [['5640', 1200]],
    },
  ],
  [
    'dose in g converts to mg',
    {
      given: order('161', [
        {
          doseAndRate: [{ doseQuantity: { value: 1, unit: 'g', code: 'g' } }],
          timing: every(3, 1, 'd'),
        },
      ]),
      want: [['161', 3000]],
    },
  ],
  [
    'solution identified by name: 21.7 mg/mL, doseRange 10-15 mL q6h uses the high end',
    {
      // Code and display as the third-party record synthea-r4_Evelyn_McCullough carries them.
      given: order(
        'x',
        [{ doseAndRate: [{ doseRange: { low: ml(10), high: ml(15) } }], timing: every(1, 6, 'h') }],
        {
          medicationCodeableConcept: named(
            '1043400',
            'Acetaminophen 21.7 MG/ML / Dextromethorphan Hydrobromide 1 MG/ML / doxylamine succinate 0.417 MG/ML Oral Solution',
          ),
        },
      ),
      want: [['161', 1302]],
    },
  ],
  [
    'one prefilled unit of a quantified solution: 10 ML of 10 MG/ML is 100 mg, twice a day',
    {
      given: order(
        'x',
        [
          {
            doseAndRate: [
              { doseQuantity: { value: 1, system: 'http://unitsofmeasure.org', code: '1' } },
            ],
            timing: every(2, 1, 'd'),
          },
        ],
        { medicationCodeableConcept: named('1719286', '10 ML Furosemide 10 MG/ML Injection') },
      ),
      want: [['4603', 200]],
    },
  ],
  [
    'two salts of one ingredient are summed: oxycodone hydrochloride 4.5 mg + terephthalate 0.38 mg',
    {
      given: order('637540', [
        { doseAndRate: [{ doseQuantity: tbl(1) }], timing: every(1, 6, 'h') },
      ]),
      want: [
        ['1191', 1300],
        ['7804', 19.52],
      ],
    },
  ],
  [
    'weekly period: 800 mg tab three times a week',
    {
      given: order('197807', [
        { doseAndRate: [{ doseQuantity: tbl(1) }], timing: every(3, 1, 'wk') },
      ]),
      want: [['5640', 342.857]],
    },
  ],
  [
    'monthly period counts 30 days',
    {
      given: order('198440', [
        { doseAndRate: [{ doseQuantity: tbl(3) }], timing: every(1, 1, 'mo') },
      ]),
      want: [['161', 50]],
    },
  ],
  [
    'tablet unit as HL7 TAB with no UCUM code',
    {
      given: order('198440', [
        { doseAndRate: [{ doseQuantity: { value: 2, unit: 'TAB' } }], timing: every(4, 1, 'd') },
      ]),
      want: [['161', 4000]],
    },
  ],
  [
    'tablet unit as UCUM 1',
    {
      given: order('198440', [
        {
          doseAndRate: [
            { doseQuantity: { value: 2, code: '1', system: 'http://unitsofmeasure.org' } },
          ],
          timing: every(1, 1, 'd'),
        },
      ]),
      want: [['161', 1000]],
    },
  ],
  [
    'period without frequency means once per period',
    {
      given: order('198440', [
        {
          doseAndRate: [{ doseQuantity: tbl(1) }],
          timing: { repeat: { period: 12, periodUnit: 'h' } },
        },
      ]),
      want: [['161', 1000]],
    },
  ],
  [
    'timeOfDay list without frequency or period: once per listed time, daily',
    {
      given: order('198440', [
        {
          doseAndRate: [{ doseQuantity: tbl(2) }],
          timing: { repeat: { timeOfDay: ['08:00:00', '20:00:00'] } },
        },
      ]),
      want: [['161', 2000]],
    },
  ],
  [
    'when list (MORN, NIGHT) without frequency: twice a day',
    {
      given: order('198440', [
        {
          doseAndRate: [{ doseQuantity: tbl(1) }],
          timing: { repeat: { when: ['MORN', 'NIGHT'] } },
        },
      ]),
      want: [['161', 1000]],
    },
  ],
  [
    'concurrent lines (no sequence) are summed: 2 tabs morning + 1 tab night',
    {
      given: order('198440', [
        { doseAndRate: [{ doseQuantity: tbl(2) }], timing: every(1, 1, 'd') },
        { doseAndRate: [{ doseQuantity: tbl(1) }], timing: every(1, 1, 'd') },
      ]),
      want: [['161', 1500]],
    },
  ],
  [
    'sequential lines (different sequence) take the highest step',
    {
      given: order('198440', [
        { sequence: 1, doseAndRate: [{ doseQuantity: tbl(2) }], timing: every(1, 6, 'h') },
        { sequence: 2, doseAndRate: [{ doseQuantity: tbl(1) }], timing: every(1, 6, 'h') },
      ]),
      want: [['161', 4000]],
    },
  ],
  [
    'contained medicationReference (#med1) to 857002',
    {
      given: order('x', [{ doseAndRate: [{ doseQuantity: tbl(2) }], timing: every(1, 6, 'h') }], {
        medicationCodeableConcept: undefined,
        medicationReference: { reference: '#med1' },
        contained: [
          { resourceType: 'Medication', id: 'med1', code: concept('857002') } as Medication,
        ],
      }),
      want: [
        ['161', 2600],
        ['5489', 40],
      ],
    },
  ],
  [
    'contained Medication with an ingredient Ratio 160 mg / 5 mL, 10 mL q6h',
    {
      given: order('x', [{ doseAndRate: [{ doseQuantity: ml(10) }], timing: every(1, 6, 'h') }], {
        medicationCodeableConcept: undefined,
        medicationReference: { reference: '#liq' },
        contained: [
          {
            resourceType: 'Medication',
            id: 'liq',
            ingredient: [
              {
                itemCodeableConcept: concept('161'),
                strength: { numerator: mg(160), denominator: ml(5) },
              },
            ],
          } as Medication,
        ],
      }),
      want: [['161', 1280]],
    },
  ],
  [
    'MedicationStatement reads dosage[]',
    {
      given: {
        resourceType: 'MedicationStatement',
        id: 'ms-1',
        status: 'active',
        subject: { reference: 'Patient/p1' },
        medicationCodeableConcept: concept('1049221'),
        dosage: [{ doseAndRate: [{ doseQuantity: tbl(1) }], timing: every(1, 4, 'h') }],
      },
      want: [
        ['161', 1950],
        ['7804', 30],
      ],
    },
  ],
];

describe('computeDailyDose: known doses', () => {
  it.each(known)('%s', (_name, { given, want }) => {
    const result = dailyDose(given);
    if (!result.ok) {
      throw new Error(`expected a dose, got ${result.issue.message}`);
    }
    expect(result.doses.map((d) => [d.rxcui, d.mgPerDay])).toEqual(want);
  });
});

const unknown: Array<[string, { given: MedicationRequest; path: string; found: RegExp }]> = [
  [
    'missing timing',
    {
      given: order('198440', [{ doseAndRate: [{ doseQuantity: tbl(1) }] }]),
      path: 'dosageInstruction[0].timing.repeat',
      found: /no usable timing/,
    },
  ],
  [
    'timing code only (no frequency/period)',
    {
      given: order('198440', [
        { doseAndRate: [{ doseQuantity: tbl(1) }], timing: { code: { text: 'BID' } } },
      ]),
      path: 'dosageInstruction[0].timing.repeat',
      found: /no usable timing/,
    },
  ],
  [
    'unknown period unit',
    {
      given: order('198440', [
        {
          doseAndRate: [{ doseQuantity: tbl(1) }],
          timing: { repeat: { frequency: 1, period: 1, periodUnit: 'fortnight' as 'd' } },
        },
      ]),
      path: 'dosageInstruction[0].timing.repeat',
      found: /no usable timing/,
    },
  ],
  [
    'no dose quantity',
    {
      given: order('198440', [{ timing: every(1, 6, 'h') }]),
      path: 'dosageInstruction[0].doseAndRate',
      found: /doseQuantity or doseRange\.high/,
    },
  ],
  [
    'unconvertible dose unit',
    {
      given: order('198440', [
        {
          doseAndRate: [{ doseQuantity: { value: 2, unit: 'IU', code: '[iU]' } }],
          timing: every(1, 6, 'h'),
        },
      ]),
      path: 'dosageInstruction[0].doseAndRate.unit',
      found: /does not convert/,
    },
  ],
  [
    'dose with no unit at all',
    {
      given: order('198440', [
        { doseAndRate: [{ doseQuantity: { value: 2 } }], timing: every(1, 6, 'h') },
      ]),
      path: 'dosageInstruction[0].doseAndRate.unit',
      found: /does not convert/,
    },
  ],
  [
    'mg dose of a combination product names no ingredient',
    {
      given: order('857002', [
        { doseAndRate: [{ doseQuantity: mg(325) }], timing: every(1, 6, 'h') },
      ]),
      path: 'dosageInstruction[0].doseAndRate.unit',
      found: /2-ingredient product/,
    },
  ],
  [
    'tablets of an IN-coded order (no strength known)',
    {
      given: order('161', [{ doseAndRate: [{ doseQuantity: tbl(2) }], timing: every(1, 6, 'h') }]),
      path: 'dosageInstruction[0].doseAndRate.unit',
      found: /found no strength/,
    },
  ],
  [
    'mL dose of a tablet product',
    {
      given: order('198440', [
        { doseAndRate: [{ doseQuantity: ml(5) }], timing: every(1, 6, 'h') },
      ]),
      path: 'dosageInstruction[0].doseAndRate.unit',
      found: /strength in mg\/mL .* found mg/,
    },
  ],
  [
    'maxDosePerPeriod with a non-time denominator',
    {
      given: order('198440', [
        {
          doseAndRate: [{ doseQuantity: tbl(1) }],
          timing: every(1, 6, 'h'),
          maxDosePerPeriod: { numerator: tbl(8), denominator: { value: 1, unit: 'tablet' } },
        },
      ]),
      path: 'dosageInstruction[0].maxDosePerPeriod',
      found: /does not convert/,
    },
  ],
  [
    'one bad line makes the whole order unknown (no partial sum)',
    {
      given: order('198440', [
        { doseAndRate: [{ doseQuantity: tbl(1) }], timing: every(1, 6, 'h') },
        { doseAndRate: [{ doseQuantity: tbl(1) }] },
      ]),
      path: 'dosageInstruction[1].timing.repeat',
      found: /no usable timing/,
    },
  ],
  [
    'no dosage lines',
    {
      given: order('198440', []),
      path: 'dosageInstruction',
      found: /found none/,
    },
  ],
];

describe('computeDailyDose: unknown doses are issues, never 0', () => {
  it.each(unknown)('%s', (_name, { given, path, found }) => {
    const result = dailyDose(given);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issue).toMatchObject({
        severity: 'warning',
        code: 'SOLEUS_FHIR_UNINTERPRETABLE',
        location: { resource: 'MedicationRequest/mr-1', path },
      });
      expect(result.issue.message).toMatch(found);
      expect(result.issue.message).toMatch(/unknown \(not zero\)$/);
    }
  });
});
