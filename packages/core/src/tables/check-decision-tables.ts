/**
 * Load-time checks of decision tables and of the rules that read them (cheap; the enumeration of the
 * input domain is {@link verifyDecisionTable}, run by `soleus validate`): table ids are unique, the
 * table's pack is the pack of its directory, each input is a catalogue fact with a finite domain (a
 * boolean, or a string with an enum or listed values), every cell and invariant names an input and
 * only values of its domain, every `then` and `never` is an output value, and every rule's
 * `decisionTable` names a loaded table and an outcome one of its rows gives.
 */
import type { Issue } from '../errors';
import { createIssue, escapePointerToken } from '../catalog/create-issue';
import type { RuleFile, TableFile } from '../catalog/read-rule-packs';
import type { Cells } from '../generated/decision-table';
import type { FactDefinition } from '../generated/fact-catalogue-file';
import type { PackManifest } from '../generated/pack-manifest';
import { cellValues } from './table-cell';
import { tableColumns, type TableColumn } from './table-columns';

/** What the table checks read. */
export interface TableCheckInput {
  readonly tables: readonly TableFile[];
  readonly rules: readonly RuleFile[];
  readonly packs: ReadonlyMap<string, PackManifest>;
  readonly facts: ReadonlyMap<string, FactDefinition>;
}

/**
 * @param input - schema-valid tables and rules, packs and the fact catalogue
 * @returns every issue found
 */
export function checkDecisionTables(input: TableCheckInput): Issue[] {
  const issues: Issue[] = [];
  const byId = new Map<string, TableFile>();
  for (const table of input.tables) {
    const { definition, file } = table;
    if (byId.has(definition.id)) {
      issues.push(
        createIssue(
          'SOLEUS_RULE_TABLE',
          file,
          '/id',
          `table id "${definition.id}" is already used by ${byId.get(definition.id)?.file ?? ''}; expected each table id once across all packs`,
        ),
      );
      continue;
    }
    byId.set(definition.id, table);
    issues.push(...checkTable(table, input));
  }
  for (const { definition, file } of input.rules) {
    const reference = definition.decisionTable;
    if (!reference) {
      continue;
    }
    const table = byId.get(reference.table)?.definition;
    if (!table) {
      issues.push(
        createIssue(
          'SOLEUS_RULE_TABLE',
          file,
          '/decisionTable/table',
          `no decision table has id "${reference.table}"; expected the id of a *.table.json of a loaded pack`,
        ),
      );
    } else if (!table.rows.some((row) => row.then === reference.outcome)) {
      issues.push(
        createIssue(
          'SOLEUS_RULE_TABLE',
          file,
          '/decisionTable/outcome',
          `no row of table "${table.id}" gives "${reference.outcome}"; expected an outcome a row gives (${table.output.values.join(', ')})`,
        ),
      );
    }
  }
  return issues;
}

function checkTable(table: TableFile, input: TableCheckInput): Issue[] {
  const { definition, file } = table;
  const issues: Issue[] = [];
  if (!input.packs.has(definition.pack)) {
    issues.push(
      createIssue(
        'SOLEUS_RULE_TABLE',
        file,
        '/pack',
        `no pack has id "${definition.pack}"; expected the id of a loaded pack.json`,
      ),
    );
  }
  const seen = new Set<string>();
  definition.inputs.forEach((inputDef, i) => {
    const fact = input.facts.get(inputDef.fact);
    const where = `/inputs/${i}`;
    if (seen.has(inputDef.fact)) {
      issues.push(
        createIssue(
          'SOLEUS_RULE_TABLE',
          file,
          `${where}/fact`,
          `input "${inputDef.fact}" is listed twice; expected each fact once`,
        ),
      );
    }
    seen.add(inputDef.fact);
    if (!fact) {
      issues.push(
        createIssue(
          'SOLEUS_RULE_UNKNOWN_FACT',
          file,
          `${where}/fact`,
          `fact "${inputDef.fact}" is not in the fact catalogue`,
        ),
      );
      return;
    }
    const finite =
      fact.type === 'boolean' ||
      (fact.type === 'string' && (fact.enum !== undefined || inputDef.values !== undefined));
    if (!finite) {
      issues.push(
        createIssue(
          'SOLEUS_RULE_TABLE',
          file,
          `${where}/fact`,
          `fact "${inputDef.fact}" is of type ${fact.type} without an enum; expected a boolean fact, or a string fact with an enum or listed values`,
        ),
      );
    }
    inputDef.values?.forEach((value, v) => {
      const fits =
        fact.type === 'boolean'
          ? typeof value === 'boolean'
          : typeof value === 'string' && (fact.enum?.includes(value) ?? true);
      if (!fits) {
        issues.push(
          createIssue(
            'SOLEUS_RULE_TABLE',
            file,
            `${where}/values/${v}`,
            `${JSON.stringify(value)} is not a value of fact "${inputDef.fact}" (${fact.type}${fact.enum ? `: ${fact.enum.join(', ')}` : ''})`,
          ),
        );
      }
    });
  });
  const columns = tableColumns(definition, input.facts);
  const outputs = definition.output.values;
  definition.rows.forEach((row, r) => {
    issues.push(...checkCells(row.when, columns, file, `/rows/${r}/when`));
    if (row.then !== null && !outputs.includes(row.then)) {
      issues.push(
        createIssue(
          'SOLEUS_RULE_TABLE',
          file,
          `/rows/${r}/then`,
          `"${row.then}" is not an output value; expected one of ${outputs.join(', ')} or null`,
        ),
      );
    }
  });
  const ids = new Set<string>();
  definition.invariants?.forEach((invariant, i) => {
    if (ids.has(invariant.id)) {
      issues.push(
        createIssue(
          'SOLEUS_RULE_TABLE',
          file,
          `/invariants/${i}/id`,
          `invariant id "${invariant.id}" is used twice; expected each id once`,
        ),
      );
    }
    ids.add(invariant.id);
    issues.push(...checkCells(invariant.when, columns, file, `/invariants/${i}/when`));
    invariant.never.forEach((outcome, n) => {
      if (!outputs.includes(outcome)) {
        issues.push(
          createIssue(
            'SOLEUS_RULE_TABLE',
            file,
            `/invariants/${i}/never/${n}`,
            `"${outcome}" is not an output value; expected one of ${outputs.join(', ')}`,
          ),
        );
      }
    });
  });
  return issues;
}

function checkCells(
  cells: Cells,
  columns: readonly TableColumn[],
  file: string,
  pointer: string,
): Issue[] {
  const issues: Issue[] = [];
  for (const [fact, cell] of Object.entries(cells)) {
    const where = `${pointer}/${escapePointerToken(fact)}`;
    const column = columns.find((c) => c.fact === fact);
    if (!column) {
      issues.push(
        createIssue(
          'SOLEUS_RULE_TABLE',
          file,
          where,
          `"${fact}" is not an input of the table; expected one of ${columns.map((c) => c.fact).join(', ')}`,
        ),
      );
      continue;
    }
    for (const value of cellValues(cell, column)) {
      if (!column.values.includes(value)) {
        issues.push(
          createIssue(
            'SOLEUS_RULE_TABLE',
            file,
            where,
            `${JSON.stringify(value)} is not a value of input "${fact}"; expected one of ${column.values.map((v) => JSON.stringify(v)).join(', ')}`,
          ),
        );
      }
    }
  }
  return issues;
}
