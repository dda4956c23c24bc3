import { readdirSync } from 'node:fs';
import { CDS_SCHEMA_DIR, getCdsSchemaValidator, type CdsSchemaName } from './cds-schemas';

const NAMES: readonly CdsSchemaName[] = [
  'cds-request.patient-view',
  'cds-request.order-select',
  'cds-request.order-sign',
  'cds-response',
  'cds-feedback',
];

describe('getCdsSchemaValidator', () => {
  it.each(NAMES)('compiles %s once (strict mode) and reuses it', (name) => {
    const first = getCdsSchemaValidator(name);
    expect(typeof first).toBe('function');
    expect(getCdsSchemaValidator(name)).toBe(first);
  });

  it('every shipped schema file is compiled here, the shared definitions or the FHIR read-elements schema', () => {
    const files = readdirSync(CDS_SCHEMA_DIR).filter((f) => f.endsWith('.schema.json'));
    // fhir-read-elements is compiled by sanitise/read-element-rules.ts (tested there).
    const expected = [...NAMES, 'cds-common', 'fhir-read-elements']
      .map((n) => `${n}.schema.json`)
      .sort();
    expect(files.sort()).toEqual(expected);
  });
});
