/**
 * The builder on a handful of concepts (names from the reference list): relations win over names, a
 * product of interest keeps all its parts, watch-list members are never out of scope, unparsed and
 * inconsistent concepts are reported, and the output is deterministic.
 */
import { buildRxnormIndex, type BuildRxnormIndexInput } from './build-rxnorm-index';
import { serializeRxnormIndex } from './serialize-rxnorm-index';

const input = (concepts: BuildRxnormIndexInput['concepts']): BuildRxnormIndexInput => ({
  concepts,
  ingredients: [
    { code: '161', display: 'acetaminophen', valueSets: ['apap'] },
    { code: '5489', display: 'hydrocodone', valueSets: ['opioids'] },
    { code: '25480', display: 'gabapentin', valueSets: ['gabapentinoids'] },
  ],
  watch: [{ name: 'fenoprofen', valueSets: ['nsaid-systemic'] }],
  knownNames: ['Fluticasone'],
  provenance: {
    source: 'test',
    sourceFiles: [],
    ingredients: 'test',
    generator: 'test',
    licence: 'test',
  },
});

describe('buildRxnormIndex', () => {
  const { index, report } = buildRxnormIndex(
    input([
      {
        rxcui: '857002',
        tty: 'SCD',
        name: 'Acetaminophen 325 MG / Hydrocodone Bitartrate 5 MG Oral Tablet',
      },
      { rxcui: '562251', tty: 'SCD', name: 'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet' },
      { rxcui: '197694', tty: 'SCD', name: 'Fenoprofen 200 MG Oral Capsule' },
      { rxcui: '1', tty: 'SCDC', name: 'short ragweed pollen extract 12 Amb a 1-U' },
      {
        rxcui: '209459',
        tty: 'SBD',
        name: 'Acetaminophen 500 MG Oral Tablet [Tylenol]',
        components: [{ substance: 'Acetaminophen', strength: { value: 650, unit: 'mg' } }],
      },
      {
        rxcui: '2',
        tty: 'SCDC',
        name: 'gabapentin enacarbil 600 MG',
      },
    ]),
  );

  it('keeps products of interest with every part, strengths, form, route and brand', () => {
    expect(index.products.find((p) => p.rxcui === '857002')).toEqual({
      rxcui: '857002',
      tty: 'SCD',
      name: 'Acetaminophen 325 MG / Hydrocodone Bitartrate 5 MG Oral Tablet',
      ingredients: [
        { substance: 'Acetaminophen', strength: { value: 325, unit: 'mg' }, rxcui: '161' },
        { substance: 'Hydrocodone Bitartrate', strength: { value: 5, unit: 'mg' }, rxcui: '5489' },
      ],
      doseForm: 'Oral Tablet',
      route: 'oral',
    });
    expect(index.brands).toEqual([{ name: 'Tylenol', ingredients: ['161'] }]);
  });

  it("uses the source's component relation over the name and reports the disagreement", () => {
    const tylenol = index.products.find((p) => p.rxcui === '209459');
    expect(tylenol?.ingredients[0]?.strength).toEqual({ value: 650, unit: 'mg' });
    expect(report.inconsistent.map((c) => c.rxcui)).toEqual(['209459']);
  });

  it('lists products of no interest as out of scope and remembers their ingredient names', () => {
    expect(index.outOfScope).toEqual(['562251']);
    expect(index.knownNames).toEqual(['amoxicillin', 'clavulanate', 'fluticasone']);
  });

  it('never calls a watch-list member or a name containing a listed one out of scope', () => {
    expect(index.products.find((p) => p.rxcui === '197694')?.ingredients[0]?.unverified).toBe(
      'fenoprofen',
    );
    expect(report.unverified.map((u) => [u.rxcui, u.ingredient])).toEqual([
      ['197694', 'fenoprofen'],
      ['2', 'gabapentin'],
    ]);
    expect(index.outOfScope).not.toContain('2');
  });

  it('reports a name outside the grammar instead of guessing it', () => {
    expect(report.unparsed).toEqual([
      { rxcui: '1', name: 'short ragweed pollen extract 12 Amb a 1-U' },
    ]);
  });

  it('is deterministic: the same concepts in another order serialize identically', () => {
    const again = buildRxnormIndex(
      input([
        {
          rxcui: '562251',
          tty: 'SCD',
          name: 'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet',
        },
        {
          rxcui: '857002',
          tty: 'SCD',
          name: 'Acetaminophen 325 MG / Hydrocodone Bitartrate 5 MG Oral Tablet',
        },
      ]),
    ).index;
    const once = buildRxnormIndex(
      input([
        {
          rxcui: '857002',
          tty: 'SCD',
          name: 'Acetaminophen 325 MG / Hydrocodone Bitartrate 5 MG Oral Tablet',
        },
        {
          rxcui: '562251',
          tty: 'SCD',
          name: 'Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet',
        },
      ]),
    ).index;
    expect(serializeRxnormIndex(again)).toBe(serializeRxnormIndex(once));
  });
});
