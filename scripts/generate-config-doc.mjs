#!/usr/bin/env node
// Renders docs/reference/configuration.md from packages/server/schema/server-config.schema.json: every
// setting with its config-file key, environment variable, type, default and description. The schema is
// the single source of truth and the variable names come from the server's own derivation (built code),
// so the page cannot drift from what the server accepts. With --check, exits 1 when the page is stale.
//   pnpm build && node scripts/generate-config-doc.mjs          # write the page
//   node scripts/generate-config-doc.mjs --check                # CI drift check
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeMarkdownOrCheck } from './lib/write-or-check.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(repo, 'docs', 'reference', 'configuration.md');
const require = createRequire(import.meta.url);
const { CONFIG_SCHEMA } = require('../packages/server/dist/config/config-schema.js');
const {
  listConfigSettings,
  dottedPath,
} = require('../packages/server/dist/config/config-settings.js');

function cell(text) {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ');
}

function typeOf(schema) {
  if (schema.enum) {
    return schema.enum.map((v) => `\`${v}\``).join(', ');
  }
  if (schema.type === 'array') {
    return schema.items?.type === 'string' ? 'list of strings' : 'JSON array';
  }
  return schema.type === 'object' ? 'JSON object' : schema.type;
}

function constraints(schema) {
  const parts = [];
  if (schema.minimum !== undefined) parts.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) parts.push(`≤ ${schema.maximum}`);
  if (schema.examples) parts.push(`e.g. \`${schema.examples[0]}\``);
  if (schema.items?.examples) parts.push(`e.g. \`${schema.items.examples[0]}\``);
  if (schema['x-soleus-secret']) parts.push('secret: never logged or echoed');
  return parts.join('; ');
}

function defaultOf(setting) {
  if (setting.schema.default !== undefined) {
    return `\`${JSON.stringify(setting.schema.default)}\``;
  }
  return setting.required ? 'required in its section' : 'none';
}

function row(key, env, schema, byDefault) {
  const text = [schema.description, constraints(schema)].filter(Boolean).join(' — ');
  return `| \`${key}\` | ${env} | ${cell(typeOf(schema))} | ${cell(byDefault)} | ${cell(text)} |`;
}

/** One row per setting, then one per property of the objects a JSON-array setting holds. */
function rows() {
  return listConfigSettings().flatMap((setting) => {
    const key = dottedPath(setting.path);
    const env = setting.env ? `\`${setting.env}\`` : '—';
    const items = setting.schema.items;
    const required = new Set(items?.required ?? []);
    const members = Object.entries(items?.properties ?? {}).map(([name, schema]) =>
      row(
        `${key}[].${name}`,
        `in \`${setting.env}\``,
        schema,
        required.has(name) ? 'required' : 'none',
      ),
    );
    return [row(key, env, setting.schema, defaultOf(setting)), ...members];
  });
}

function sections() {
  return Object.entries(CONFIG_SCHEMA.properties)
    .filter(([, node]) => node.type === 'object' && node.properties)
    .map(([name, node]) => `- \`${name}\`: ${node.description}`);
}

async function build() {
  const lines = [
    '# Server configuration reference',
    '',
    '<!-- GENERATED FILE - DO NOT EDIT. Run `pnpm build && node scripts/generate-config-doc.mjs`. -->',
    '',
    `Every setting of the CDS Hooks service (\`soleus-server\`, \`pnpm start\`), generated from`,
    '`packages/server/schema/server-config.schema.json` (`$id` ' +
      CONFIG_SCHEMA.$id +
      '), which the',
    'server validates its configuration against at start.',
    '',
    '## Where settings come from',
    '',
    '- **Defaults** from the schema, overridden by the **JSON config file** named by `SOLEUS_CONFIG`,',
    '  overridden by **environment variables**. Sections (`auth`, `database`, `content`) merge key by key.',
    '- Every setting has a variable: `SOLEUS_` + its key path in upper snake case',
    '  (`database.poolMax` → `SOLEUS_DATABASE_POOL_MAX`), except `PORT` and `HOST`.',
    '- Variable values: numbers as digits; booleans as `1`/`true`/`yes` or `0`/`false`/`no`; lists of',
    '  strings comma-separated (`a, b`) or as a JSON array; JSON arrays and objects as JSON text',
    '  (`SOLEUS_AUTH_ISSUERS=\'[{"iss": "https://ehr.example.org", "jwks": {"keys": [...]}}]\'`). An empty',
    '  variable counts as unset.',
    '- The file may name the schema (`"$schema": "./node_modules/@soleus/server/schema/server-config.schema.json"`)',
    '  so editors complete and check it.',
    '',
    '## Invalid configuration stops the start',
    '',
    'Unknown keys (at any depth), unknown `SOLEUS_…` variables, wrong types and out-of-range values are',
    'all reported at once, each naming the variable or the file and key, what was expected and what was',
    'found, with a "did you mean" for a near miss. Secrets (the database URL) are never echoed. The report',
    'is one JSON log line on stdout, then the process exits 1:',
    '',
    '```json',
    '{"level":60,"service":"@soleus/server","err":{"code":"SOLEUS_SERVER_CONFIG","issues":["/etc/soleus.json feedbackfile: expected a known setting (did you mean \\"feedbackFile\\"?); found an unknown key","PORT: expected an integer; found \\"abc\\""]},"msg":"soleus server failed to start"}',
    '```',
    '',
    'Variables of the repository’s own tools are not settings and are ignored: those that begin with',
    '`SOLEUS_TEST_` (test harnesses) and `SOLEUS_CHROMIUM` (the browser tests’ Chromium).',
    '',
    '## Settings',
    '',
    ...sections(),
    '',
    '| Key | Environment variable | Type | Default | Description |',
    '| --- | --- | --- | --- | --- |',
    ...rows(),
    '',
    '## Adding a setting',
    '',
    'Add a property, with a `description` and a `default` when there is one, to the schema; nest it in a',
    'section to nest its variable name. Add the field to `ServerConfig` (or `AuthOptions`,',
    '`DatabaseOptions`) and pass it on in `packages/server/src/main.ts`; `test/config-schema.test.ts`',
    'fails until the type and the schema agree. Then regenerate this page. The loader needs no change:',
    'parsing, validation, messages and the variable all follow from the schema.',
    '',
  ];
  return lines;
}

await writeMarkdownOrCheck(
  repo,
  out,
  await build(),
  'the configuration schema; run pnpm build && node scripts/generate-config-doc.mjs',
);
