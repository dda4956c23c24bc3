/** docs/reference/errors.md mirrors ERROR_CODES both ways (fastify test/internals/errors.test.js). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, type ErrorCode } from '../src/errors';

const DOC = join(__dirname, '..', '..', '..', 'docs', 'reference', 'errors.md');
const ANCHORED = /^<a id="([a-z0-9_]+)"><\/a>`([A-Z0-9_]+)`$/;

interface DocRow {
  readonly anchor: string;
  readonly code: string;
  readonly meaning: string;
  readonly fix: string;
}

/** Table rows whose first cell is an anchored code; cells may be padded (prettier) and hold `\|`. */
function parseRow(line: string): DocRow | undefined {
  const cells = line
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
  const match = ANCHORED.exec(cells[0] ?? '');
  if (!match || cells.length !== 3) {
    return undefined;
  }
  return {
    anchor: match[1] ?? '',
    code: match[2] ?? '',
    meaning: cells[1] ?? '',
    fix: cells[2] ?? '',
  };
}

const rows: DocRow[] = readFileSync(DOC, 'utf8')
  .split('\n')
  .map(parseRow)
  .filter((row): row is DocRow => row !== undefined);
const documented = new Map(rows.map((row) => [row.code, row]));
const codes = Object.keys(ERROR_CODES) as ErrorCode[];

describe('docs/reference/errors.md', () => {
  it('documents each code once', () => {
    expect(rows.length).toBe(documented.size);
  });

  it.each(codes)('documents %s with its anchor, meaning and a fix', (code) => {
    const row = documented.get(code);
    expect(row).toMatchObject({ anchor: code.toLowerCase(), meaning: ERROR_CODES[code] });
    expect(row?.fix.length).toBeGreaterThan(20);
  });

  it('documents no code that errors.ts does not define', () => {
    expect(rows.map((row) => row.code).filter((code) => !(code in ERROR_CODES))).toEqual([]);
  });
});
