import { readdirSync } from 'node:fs';
import type { Issue } from '../errors';
import type { FactCatalogueFile, FactDefinition } from '../generated/fact-catalogue-file';
import { createIssue } from './create-issue';
import { readJsonFile } from './read-json-file';
import type { SchemaCheck } from './schema-validator';
import { contentFileEntries, type ExtraContentDir } from '../files/content-file-entries';

/** The fact catalogue read from a directory, with every problem found. */
export interface LoadedFactCatalog {
  /** Fact definitions by name (first definition wins when names clash; the clash is an issue). */
  readonly facts: ReadonlyMap<string, FactDefinition>;
  readonly issues: readonly Issue[];
}

const SUFFIX = '.facts.json';

/**
 * Reads every `*.facts.json` in a directory, validates it against facts.schema.json and indexes the
 * facts by name, reporting invalid files (SOLEUS_FACT_SCHEMA, SOLEUS_RULE_JSON) and clashing names
 * (SOLEUS_FACT_DUPLICATE) instead of throwing.
 * @param factsDir - directory of fact catalogue files
 * @param checkSchema - the facts schema validator
 * @param extraDirs - more fact directories (a site pack's `facts/`), their files reported under
 *   `label/`; one that does not exist holds no facts
 * @returns the facts and the issues
 */
export function loadFactCatalog(
  factsDir: string,
  checkSchema: SchemaCheck,
  extraDirs: readonly ExtraContentDir[] = [],
): LoadedFactCatalog {
  const facts = new Map<string, FactDefinition>();
  const origin = new Map<string, string>();
  const issues: Issue[] = [];
  const entries = contentFileEntries(factsDir, extraDirs, (d) => listFiles(d, issues));
  for (const { path, name } of entries) {
    const read = readJsonFile(path, name);
    if (!read.ok) {
      issues.push(read.issue);
      continue;
    }
    const schemaIssues = checkSchema(read.json, name);
    if (schemaIssues.length > 0) {
      issues.push(...schemaIssues);
      continue;
    }
    (read.json as FactCatalogueFile).facts.forEach((fact, i) => {
      const first = origin.get(fact.name);
      if (first !== undefined) {
        issues.push(
          createIssue(
            'SOLEUS_FACT_DUPLICATE',
            name,
            `/facts/${i}/name`,
            `fact "${fact.name}" is already defined in ${first}; expected each fact name once`,
          ),
        );
        return;
      }
      origin.set(fact.name, `${name}#/facts/${i}`);
      facts.set(fact.name, fact);
    });
  }
  return { facts, issues };
}

function listFiles(dir: string, issues: Issue[]): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith(SUFFIX))
      .sort();
  } catch {
    issues.push(
      createIssue(
        'SOLEUS_FACT_SCHEMA',
        dir,
        '',
        'cannot read the facts directory; expected a directory of *.facts.json files',
      ),
    );
    return [];
  }
}
