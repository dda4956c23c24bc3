/**
 * The canonical knowledge resources Soleus ships besides its rules: the Wells `Questionnaire`
 * (clinical-spec §9.1), the `CodeSystem`s (§9.2, card ids, override reasons) and the value sets. The
 * service serves them read-only under `/fhir` so an EHR can import the Questionnaire into its own
 * forms engine. All problems are collected; when there is any, nothing is returned (a half-served
 * catalogue would answer 404 for a resource a card links to).
 */
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { SoleusError, type Issue } from '../errors';
import { loadValueSets } from '../terminology/load-value-sets';
import { createIssue } from './create-issue';
import { DEFAULT_CONTENT } from './default-content';
import { readJsonFile } from './read-json-file';

/** Where the canonical resources live. */
export interface CanonicalDirs {
  /** Directory of `*.questionnaire.json` files. */
  readonly questionnairesDir: string;
  /** Directory of `*.codesystem.json` files. */
  readonly codeSystemsDir: string;
  /** Directory of `*.valueset.json` files (the rule packs' value sets). */
  readonly valueSetsDir: string;
}

/** The canonical resources shipped in `@soleus/core`. */
export const DEFAULT_CANONICAL_DIRS: CanonicalDirs = Object.freeze({
  questionnairesDir: join(DEFAULT_CONTENT.rulesDir, '..', 'questionnaires'),
  codeSystemsDir: join(DEFAULT_CONTENT.rulesDir, '..', 'codesystems'),
  valueSetsDir: DEFAULT_CONTENT.valueSetsDir,
});

/** A FHIR R4 canonical resource as shipped: the JSON as written, with the keys lookups use. */
export interface CanonicalResource {
  readonly resourceType: 'Questionnaire' | 'CodeSystem' | 'ValueSet';
  readonly id: string;
  readonly url: string;
  readonly version?: string;
  readonly [element: string]: unknown;
}

/** FHIR id: letters, digits, `-` and `.`, 1 to 64 characters. */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/**
 * Reads every shipped canonical resource.
 * @param dirs - where they live (default: the ones shipped in `@soleus/core`)
 * @returns the resources: questionnaires, then code systems, then value sets, each in file order
 * @throws {SOLEUS_CANONICAL_INVALID} or a value-set code, listing every problem at once
 */
export function loadCanonicalResources(
  dirs: CanonicalDirs = DEFAULT_CANONICAL_DIRS,
): CanonicalResource[] {
  const issues: Issue[] = [];
  const resources = [
    ...readKind(dirs.questionnairesDir, 'Questionnaire', '.questionnaire.json', issues),
    ...readKind(dirs.codeSystemsDir, 'CodeSystem', '.codesystem.json', issues),
  ];
  const valueSets = loadValueSets(dirs.valueSetsDir);
  issues.push(...valueSets.issues);
  for (const vs of valueSets.valueSets) {
    if (vs.id === undefined || !FHIR_ID.test(vs.id)) {
      const file = valueSets.files.get(vs.url) ?? vs.url;
      issues.push(invalid(file, '/id', 'a FHIR id (the /fhir/ValueSet/{id} route needs one)'));
      continue;
    }
    resources.push(vs as unknown as CanonicalResource);
  }
  if (issues.length > 0) {
    throw new SoleusError(
      issues[0]?.code ?? 'SOLEUS_CANONICAL_INVALID',
      issues.map((i) => i.message).join('; '),
      { issues },
    );
  }
  return resources;
}

function readKind(
  dir: string,
  resourceType: 'Questionnaire' | 'CodeSystem',
  suffix: string,
  issues: Issue[],
): CanonicalResource[] {
  const found: CanonicalResource[] = [];
  const seen = new Set<string>();
  for (const name of listFiles(dir, suffix, issues)) {
    const read = readJsonFile(join(dir, name), name, 'SOLEUS_CANONICAL_INVALID');
    if (!read.ok) {
      issues.push(read.issue);
      continue;
    }
    const json = read.json as Partial<CanonicalResource> | null;
    if (json?.resourceType !== resourceType) {
      issues.push(invalid(name, '/resourceType', `"${resourceType}"`));
    } else if (typeof json.id !== 'string' || !FHIR_ID.test(json.id)) {
      issues.push(invalid(name, '/id', 'a FHIR id'));
    } else if (typeof json.url !== 'string' || json.url === '') {
      issues.push(invalid(name, '/url', 'a canonical url'));
    } else if (seen.has(json.id) || seen.has(json.url)) {
      issues.push(invalid(name, '/id', `an id and url no other ${resourceType} uses`));
    } else {
      seen.add(json.id).add(json.url);
      found.push(json as CanonicalResource);
    }
  }
  return found;
}

function listFiles(dir: string, suffix: string, issues: Issue[]): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .map((name) => name.split(sep).join('/'))
      .filter((name) => name.endsWith(suffix))
      .sort();
  } catch {
    issues.push(createIssue('SOLEUS_CANONICAL_INVALID', dir, '', 'expected a readable directory'));
    return [];
  }
}

function invalid(file: string, pointer: string, expected: string): Issue {
  return createIssue('SOLEUS_CANONICAL_INVALID', file, pointer, `expected ${expected}`);
}
