#!/usr/bin/env node
// Renders docs/reference/rule-schema.md from the descriptions in packages/core/schema/*.schema.json:
// every property, every $defs entry, nested inline objects included. The schemas are the single source
// of truth; this page is never edited by hand. With --check, exits 1 when the committed page is stale.
//   node scripts/generate-schema-doc.mjs          # write the page
//   node scripts/generate-schema-doc.mjs --check  # CI drift check
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeMarkdownOrCheck } from './lib/write-or-check.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = join(repo, 'packages', 'core', 'schema');
const out = join(repo, 'docs', 'reference', 'rule-schema.md');
const schemas = [
  ['rule.schema.json', 'rule', 'Rule files (`rules/<pack>/<slug>.rule.json`)'],
  ['pack.schema.json', 'pack', 'Pack manifests (`rules/<pack>/pack.json`)'],
  ['table.schema.json', 'table', 'Decision tables (`rules/<pack>/<slug>.table.json`)'],
  ['facts.schema.json', 'facts', 'Fact catalogue files (`facts/<domain>.facts.json`)'],
];

/** Escapes prose from a schema description: `<slug>` would otherwise read as an HTML tag. */
function prose(text) {
  return String(text ?? '').replace(/</g, '&lt;');
}

/** Escapes text for a markdown table cell. */
function cell(text) {
  return String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ');
}

/** The description of a property, or of the $defs entry it points at when it has none itself. */
function describe(property, defs) {
  if (property.description) {
    return property.description;
  }
  const target = property.$ref ? defs[property.$ref.replace('#/$defs/', '')] : undefined;
  return target?.description ?? '';
}

function anchor(prefix, name) {
  return `${prefix}-${name}`.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/** A short rendering of a (sub)schema's type, with links to $defs. */
function typeOf(schema, prefix) {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/$defs/', '');
    return `[${name}](#${anchor(prefix, name)})`;
  }
  if (schema.enum) {
    return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' or ');
  }
  if (schema.oneOf) {
    return schema.oneOf.map((s) => typeOf(s, prefix)).join(' or ');
  }
  if (schema.type === 'array') {
    return `array of ${schema.items ? typeOf(schema.items, prefix) : 'any'}`;
  }
  return schema.type ? `\`${schema.type}\`` : 'any JSON value';
}

/** Constraints other than type, in words. */
function constraints(schema) {
  const parts = [];
  const words = {
    pattern: (v) => `pattern \`${v}\``,
    minLength: (v) => `min length ${v}`,
    maxLength: (v) => `max length ${v}`,
    minimum: (v) => `≥ ${v}`,
    maximum: (v) => `≤ ${v}`,
    minItems: (v) => `at least ${v} item${v === 1 ? '' : 's'}`,
    uniqueItems: (v) => (v ? 'unique items' : ''),
  };
  for (const [key, say] of Object.entries(words)) {
    if (schema[key] !== undefined) {
      parts.push(say(schema[key]));
    }
  }
  if (schema.items?.pattern) {
    parts.push(`items match \`${schema.items.pattern}\``);
  }
  return parts.filter(Boolean).join('; ');
}

/** Rows for an object's properties; inline nested objects become dotted rows. */
function propertyRows(schema, prefix, defs, path = '') {
  const required = new Set(schema.required ?? []);
  const rows = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const full = `${path}${name}`;
    const description = [prose(describe(property, defs)), constraints(property)]
      .filter(Boolean)
      .join(' — ');
    rows.push(
      `| \`${full}\` | ${cell(typeOf(property, prefix))} | ${required.has(name) ? 'yes' : 'no'} | ${cell(description)} |`,
    );
    if (property.type === 'object' && property.properties) {
      rows.push(...propertyRows(property, prefix, defs, `${full}.`));
    }
  }
  return rows;
}

function objectSection(schema, prefix, defs) {
  const lines = [];
  if (schema.oneOf) {
    lines.push(`One of: ${schema.oneOf.map((s) => typeOf(s, prefix)).join(', ')}.`, '');
  }
  if (schema.properties) {
    const extra = schema.additionalProperties === false ? 'No other properties are allowed.' : '';
    lines.push('| Property | Type | Required | Description |', '| --- | --- | --- | --- |');
    lines.push(...propertyRows(schema, prefix, defs), '', extra);
  } else if (!schema.oneOf) {
    lines.push(`Type: ${typeOf(schema, prefix)}.`, '');
  }
  return lines;
}

function render(file, schema, prefix, title) {
  const lines = [
    `## ${title}`,
    '',
    `Schema: \`packages/core/schema/${file}\` (\`$id\` ${schema.$id}).`,
    '',
  ];
  const defs = schema.$defs ?? {};
  lines.push(`**${schema.title}** — ${prose(schema.description)}`, '');
  lines.push(...objectSection(schema, prefix, defs));
  for (const [name, def] of Object.entries(defs)) {
    lines.push('', `### <a id="${anchor(prefix, name)}"></a>${prefix} › ${name}`, '');
    lines.push(prose(def.description), '');
    lines.push(...objectSection(def, prefix, defs));
  }
  return lines;
}

async function build() {
  const lines = [
    '# Rule schema reference',
    '',
    '<!-- GENERATED FILE - DO NOT EDIT. Run `node scripts/generate-schema-doc.mjs`. -->',
    '',
    'Every property of the JSON Schemas the rule loader validates content files against, from the',
    "schemas' own descriptions. The loader then checks meaning (facts, operators, value sets, units,",
    'card text); see [errors.md](errors.md) for every error code and how to fix it.',
    '',
  ];
  for (const [file, prefix, title] of schemas) {
    const schema = JSON.parse(await readFile(join(schemaDir, file), 'utf8'));
    lines.push(...render(file, schema, prefix, title), '');
  }
  return lines;
}

await writeMarkdownOrCheck(
  repo,
  out,
  await build(),
  'the schemas; run node scripts/generate-schema-doc.mjs',
);
