/**
 * Architecture guards: dependencies flow one way (cli, server → fhir → core), core knows nothing of
 * FHIR types, and clinical codes (LOINC-, SNOMED-, ICD-10-like literals) never appear in TypeScript
 * sources — they belong in value sets and rule JSON that informaticists own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const packagesDir = join(__dirname, '..', '..');

function sourceFiles(pkg: string): string[] {
  const root = join(packagesDir, pkg, 'src');
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory()
        ? walk(join(dir, d.name))
        : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts')
          ? [join(dir, d.name)]
          : [],
    );
  return walk(root).filter((f) => !f.includes(`${join('src', 'generated')}`));
}

const IMPORT = /(?:from|import|require\()\s*['"]([^'"]+)['"]/g;

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? '');
}

describe('dependency direction', () => {
  const allowed: Record<string, readonly string[]> = {
    core: [],
    fhir: ['@soleus/core'],
    server: ['@soleus/core', '@soleus/fhir'],
    cli: ['@soleus/core', '@soleus/fhir'],
  };

  it.each(Object.entries(allowed))('%s imports only %j of the workspace packages', (pkg, may) => {
    const offending = sourceFiles(pkg).flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec.startsWith('@soleus/') && !may.includes(spec))
        .map((spec) => `${relative(packagesDir, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('core imports no FHIR type package or FHIR-specific library', () => {
    const offending = sourceFiles('core').flatMap((file) =>
      importsOf(file)
        .filter(
          (spec) => spec.startsWith('fhir/') || spec === 'fhirpath' || spec.startsWith('fhirpath/'),
        )
        .map((spec) => `${relative(packagesDir, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });
});

describe('no stray clinical codes in TypeScript sources', () => {
  const patterns: readonly [string, RegExp][] = [
    ['LOINC-like', /['"`]\d{3,5}-\d['"`]/],
    ['SNOMED-like', /['"`]\d{6,18}['"`]/],
    ['ICD-10-like', /['"`][A-TV-Z]\d{2}\.\d{1,4}[A-Z]?['"`]/],
  ];

  it.each(['core', 'fhir', 'server', 'cli'])('%s/src holds no code literals', (pkg) => {
    const hits: string[] = [];
    for (const file of sourceFiles(pkg)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const trimmed = line.trim();
          if (trimmed.startsWith('*') || trimmed.startsWith('/*') || trimmed.startsWith('//')) {
            return; // comments may cite codes as examples
          }
          for (const [kind, pattern] of patterns) {
            if (pattern.test(line)) {
              hits.push(`${relative(packagesDir, file)}:${i + 1} ${kind}: ${trimmed}`);
            }
          }
        });
    }
    expect(hits).toEqual([]);
  });

  it('would catch a code literal (the guard can fail)', () => {
    expect(/['"`]\d{3,5}-\d['"`]/.test("const k = '2823-3';")).toBe(true);
    expect(/['"`]\d{6,18}['"`]/.test('code: "404223003"')).toBe(true);
  });
});
