import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPERATORS } from '../src/engine/operators';

const ALL_TYPES = ['boolean', 'number', 'string', 'date', 'string[]', 'object'];
const doc = readFileSync(join(__dirname, '../../../docs/reference/operators.md'), 'utf8');

/** Rows of the operator table: name → [fact types, value, meaning, unknown]. */
const rows = new Map(
  [...doc.matchAll(/^\| `(\w+)` +\|(.*)\|$/gm)].map((m) => [
    m[1] ?? '',
    (m[2] ?? '').split(/(?<!\\)\|/).map((cell) => cell.trim()),
  ]),
);

describe('docs/reference/operators.md', () => {
  it('documents exactly the operators of OPERATORS', () => {
    expect([...rows.keys()].sort()).toEqual([...OPERATORS.keys()].sort());
  });

  it.each([...OPERATORS.values()].map((spec) => [spec.name, spec] as const))(
    '%s: fact types, value shape and unknown behaviour match the table',
    (name, spec) => {
      const [types, value, , unknown] = rows.get(name) ?? [];
      const documented = types === 'all' ? ALL_TYPES : (types ?? '').split(', ');
      expect(documented.sort()).toEqual([...spec.factTypes].sort());
      expect(value).toBe(spec.value);
      expect(unknown).toBe(name === 'isUnknown' ? '**true**' : 'false');
    },
  );
});
