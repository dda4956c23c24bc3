/**
 * The normalized-name grammar, on names of the reference list and of the third-party records (each
 * name below is one of theirs), and on the local names it must refuse.
 */
import { parseRxnormName } from './parse-rxnorm-name';

const summary = (text: string) => {
  const p = parseRxnormName(text);
  return p
    ? {
        kind: p.kind,
        parts: p.components.map((c) =>
          c.strength ? `${c.substance} ${c.strength.value} ${c.strength.unit}` : c.substance,
        ),
        form: p.doseForm?.name,
        route: p.doseForm?.route,
        brand: p.brand,
        quantity: p.quantity && `${p.quantity.value} ${p.quantity.unit}`,
        duration: p.duration && `${p.duration.value} ${p.duration.unit}`,
        qualifiers: p.qualifiers,
      }
    : undefined;
};

describe('parseRxnormName: names it reads', () => {
  it.each([
    [
      'Naproxen 500 MG Oral Tablet',
      { kind: 'clinical-drug', parts: ['Naproxen 500 mg'], form: 'Oral Tablet', route: 'oral' },
    ],
    [
      'Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet',
      { parts: ['Acetaminophen 325 mg', 'oxyCODONE Hydrochloride 5 mg'], form: 'Oral Tablet' },
    ],
    ['Naproxen 500 MG Oral Tablet [Naprosyn]', { kind: 'clinical-drug', brand: 'Naprosyn' }],
    [
      '12 HR Oxycodone Hydrochloride 60 MG Extended Release Oral Tablet',
      {
        duration: '12 h',
        form: 'Extended Release Oral Tablet',
        parts: ['Oxycodone Hydrochloride 60 mg'],
      },
    ],
    [
      'Abuse-Deterrent 12 HR Oxycodone Hydrochloride 15 MG Extended Release Oral Tablet',
      { qualifiers: ['Abuse-Deterrent'], duration: '12 h' },
    ],
    [
      '10 ML Furosemide 10 MG/ML Injection',
      { quantity: '10 mL', parts: ['Furosemide 10 mg/mL'], form: 'Injection', route: 'injection' },
    ],
    [
      'Nitroglycerin 0.4 MG/ACTUAT Mucosal Spray',
      { parts: ['Nitroglycerin 0.4 mg/{actuat}'], route: 'mucosal' },
    ],
    [
      'Acetaminophen 21.7 MG/ML / Dextromethorphan Hydrobromide 1 MG/ML / doxylamine succinate 0.417 MG/ML Oral Solution',
      {
        parts: [
          'Acetaminophen 21.7 mg/mL',
          'Dextromethorphan Hydrobromide 1 mg/mL',
          'doxylamine succinate 0.417 mg/mL',
        ],
      },
    ],
    [
      'insulin human, isophane 70 UNT/ML / Regular Insulin, Human 30 UNT/ML Injectable Suspension [Humulin]',
      {
        parts: ['insulin human, isophane 70 {unit}/mL', 'Regular Insulin, Human 30 {unit}/mL'],
        brand: 'Humulin',
      },
    ],
    ['Vitamin B 12 5 MG/ML Injectable Solution', { parts: ['Vitamin B 12 5 mg/mL'] }],
    [
      'POLYETHYLENE GLYCOL 3350 17000 MG Powder for Oral Solution',
      { parts: ['POLYETHYLENE GLYCOL 3350 17000 mg'] },
    ],
    ['6-Aminocaproic Acid 500 MG Oral Tablet', { parts: ['6-Aminocaproic Acid 500 mg'] }],
    [
      'Hydrochlorothiazide 25 MG',
      { kind: 'component', parts: ['Hydrochlorothiazide 25 mg'], form: undefined },
    ],
    ['Estrogens, Conjugated (USP) 1.25 MG [Premarin]', { kind: 'component', brand: 'Premarin' }],
    [
      'Ibuprofen / Phenylephrine Pill',
      { kind: 'group', parts: ['Ibuprofen', 'Phenylephrine'], form: 'Pill' },
    ],
    ['Lasix Pill', { kind: 'group', parts: ['Lasix'] }],
    [
      'Carbamazepine[Tegretol]',
      { kind: 'ingredient', parts: ['Carbamazepine'], brand: 'Tegretol' },
    ],
    [
      'ibuprofen 600 mg oral tablet',
      { kind: 'clinical-drug', parts: ['ibuprofen 600 mg'], form: 'Oral Tablet' },
    ],
    // Pack names (GPCK/BPCK) as the VSAC Contraceptive Medications expansion 20240502 writes them
    // (cqframework/ecqm-content-qicore-2024, valueset-2.16.840.1.113883.3.464.1003.196.12.1080.json).
    [
      '{28 (norethindrone 0.35 MG Oral Tablet) } Pack',
      { kind: 'pack', parts: ['norethindrone 0.35 mg'], form: 'Oral Tablet', route: 'oral' },
    ],
    [
      '{21 (ethinyl estradiol 0.03 MG / levonorgestrel 0.15 MG Oral Tablet) / 7 (inert ingredients 1 MG Oral Tablet) } Pack [Levora 0.15/30 28 Day]',
      {
        kind: 'pack',
        parts: ['ethinyl estradiol 0.03 mg', 'levonorgestrel 0.15 mg', 'inert ingredients 1 mg'],
        form: 'Oral Tablet',
        brand: 'Levora 0.15/30 28 Day',
      },
    ],
    [
      // a substance at two strengths in one pack keeps no strength; the items' forms differ: no form
      '{24 (ethinyl estradiol 0.02 MG / norethindrone acetate 1 MG Chewable Tablet) / 4 (ferrous fumarate 75 MG Oral Tablet) } Pack',
      {
        kind: 'pack',
        parts: [
          'ethinyl estradiol 0.02 mg',
          'norethindrone acetate 1 mg',
          'ferrous fumarate 75 mg',
        ],
        form: undefined,
      },
    ],
    [
      '{5 (ethinyl estradiol 0.02 MG / norethindrone acetate 1 MG Oral Tablet) / 7 (ethinyl estradiol 0.03 MG / norethindrone acetate 1 MG Oral Tablet) / 7 (ferrous fumarate 75 MG Oral Tablet) } Pack',
      {
        kind: 'pack',
        parts: ['ethinyl estradiol', 'norethindrone acetate 1 mg', 'ferrous fumarate 75 mg'],
      },
    ],
    [
      'levonorgestrel 0.000833 MG/HR Intrauterine System',
      { kind: 'clinical-drug', form: 'Intrauterine System', route: 'intrauterine' },
    ],
  ])('%s', (text, want) => {
    expect(summary(text)).toMatchObject(want);
  });

  it('keeps the items of a pack with their counts', () => {
    const pack = parseRxnormName(
      '{21 (ethinyl estradiol 0.03 MG / levonorgestrel 0.15 MG Oral Tablet) / 7 (inert ingredients 1 MG Oral Tablet) } Pack',
    );
    expect(pack?.packItems?.map((i) => [i.count, i.drug.components.length])).toEqual([
      [21, 2],
      [7, 1],
    ]);
  });
});

describe('parseRxnormName: names outside the grammar are refused, never guessed', () => {
  it.each([
    ['a local name with an abbreviated salt and form', 'METHADONE HCL 10 MG TABLET'],
    ['a unit written without a space', 'Lasix 40mg'],
    ['a pack synonym', 'Camila 28 Day Pack'],
    ['a pack item without its count', '{(norethindrone 0.35 MG Oral Tablet) } Pack'],
    ['a pack item that is not a clinical drug', '{28 (norethindrone 0.35 MG) } Pack'],
    ['a pack with text between its items', '{21 (Naproxen 500 MG Oral Tablet) and 7 (x) } Pack'],
    ['an empty pack', '{ } Pack'],
    [
      'a truncated display',
      'Abuse-Deterrent 12 HR Oxycodone Hydrochloride 15 MG Extended Release O',
    ],
    ['a strength missing its unit', 'Ibuprofen 200'],
    ['a unit the grammar does not list', 'short ragweed pollen extract 12 Amb a 1-U'],
    ['strength on one part only', 'Acetaminophen 325 MG / Hydrocodone Oral Tablet'],
    ['a prefix on a component', '12 HR Oxycodone Hydrochloride 60 MG'],
    ['two durations', '12 HR 24 HR Oxycodone Hydrochloride 60 MG Extended Release Oral Tablet'],
    ['empty', '   '],
  ])('%s: %s', (_why, text) => {
    expect(parseRxnormName(text)).toBeUndefined();
  });

  it('reads free text only as a bare ingredient name, which identifies nothing unless the index knows it', () => {
    expect(summary('take two tablets at night')).toMatchObject({
      kind: 'ingredient',
      form: undefined,
    });
  });

  it('reads a group name with strengths as nothing', () => {
    expect(parseRxnormName('Ibuprofen 200 MG Pill')).toBeUndefined();
  });
});
