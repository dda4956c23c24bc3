import { ANALYTE_TABLE, findAnalyte } from './analyte-table';
import { convertQuantity } from './convert-quantity';
import { isUcumUnit } from './is-ucum-unit';

describe('analytes.json', () => {
  const analytes = Object.entries(ANALYTE_TABLE.analytes);

  it.each(analytes)(
    '%s has a strict UCUM canonical unit that converts to itself',
    (key, analyte) => {
      expect(isUcumUnit(analyte.canonicalUnit)).toBe(true);
      expect(convertQuantity(1, analyte.canonicalUnit, analyte.canonicalUnit, key)).toEqual({
        ok: true,
        value: 1,
        unit: analyte.canonicalUnit,
      });
    },
  );

  it.each(analytes)('%s has positive molar mass and valence when given', (_key, analyte) => {
    for (const n of [analyte.molarMass, analyte.valence]) {
      expect(n === undefined || (Number.isFinite(n) && n > 0)).toBe(true);
    }
  });

  it.each(Object.entries(ANALYTE_TABLE.unitAliases))('alias %p → %p is UCUM', (_from, to) => {
    expect(isUcumUnit(to)).toBe(true);
  });

  it.each<[string, boolean]>([
    ['magnesium', true],
    ['dDimer', true],
    ['Magnesium', false],
    ['toString', false],
    ['', false],
  ])('findAnalyte(%p) is found: %p', (key, found) => {
    expect(findAnalyte(key) !== undefined).toBe(found);
  });
});
