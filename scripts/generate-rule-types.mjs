#!/usr/bin/env node
// Generates TypeScript types from the JSON Schemas in packages/core/schema into
// packages/core/src/generated. With --check, fails (exit 1) when the committed files have drifted.
import { compileFromFile } from 'json-schema-to-typescript';
import { readFile, writeFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'packages', 'core');
const targets = [
  ['rule.schema.json', 'rule-definition.ts'],
  ['facts.schema.json', 'fact-catalogue-file.ts'],
  ['pack.schema.json', 'pack-manifest.ts'],
  ['table.schema.json', 'decision-table.ts'],
];
const banner =
  '/**\n * GENERATED FILE - DO NOT EDIT. Source: packages/core/schema/%s\n * Regenerate with `pnpm generate`; CI fails when this file drifts from the schema.\n */';
const check = process.argv.includes('--check');
let drift = 0;
for (const [schema, out] of targets) {
  const ts = await compileFromFile(join(root, 'schema', schema), {
    bannerComment: banner.replace('%s', schema),
    additionalProperties: false,
    style: { singleQuote: true, printWidth: 100, trailingComma: 'all' },
    cwd: join(root, 'schema'),
  });
  const path = join(root, 'src', 'generated', out);
  if (check) {
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current !== ts) {
      console.error(`drift: ${path} differs from ${schema}; run pnpm generate and commit`);
      drift += 1;
    }
  } else {
    await writeFile(path, ts);
    console.log(`wrote ${path}`);
  }
}
process.exit(drift === 0 ? 0 : 1);
