/**
 * Reading a mechanism's inputs: other facts by the names its source `params` give, and clinical
 * constants from its pack's `parameters`. A missing or mistyped parameter is a configuration fault of
 * the rule content, never a clinical value: it is reported once as SOLEUS_FACT_PARAMETER and the
 * derived fact becomes unknown, so no card is ever built on a guessed constant.
 */
import type { Issue } from '../errors';
import type { Fact, FactEvidence } from '../facts/fact';
import type { MechanismContext, PackParameters } from './mechanism';

/** What reading parameters needs: pack parameters and somewhere to report a fault. */
export type ParameterReader = Pick<MechanismContext, 'params' | 'issues'>;

/** A number read from another fact, with the evidence it carries. */
export interface NumberInput {
  readonly value: number | null;
  readonly evidence: readonly FactEvidence[];
}

/**
 * Reads a string parameter of the fact source (e.g. the name of an input fact).
 * @param params - the derived source's `params`
 * @param key - parameter name
 * @param ctx - fact context (receives the issue when the parameter is missing)
 * @returns the string, or null after reporting SOLEUS_FACT_PARAMETER
 */
export function stringParam(
  params: Readonly<Record<string, unknown>>,
  key: string,
  ctx: ParameterReader,
): string | null {
  const value = params[key];
  if (typeof value === 'string' && value.length > 0) {
    return value;
  }
  reportParameter(ctx, `fact source params.${key}`, 'a non-empty string', value);
  return null;
}

/**
 * Reads a number from the pack's `parameters` at a path such as `['apap', 'defaultMaxMgPerDay']`.
 * @param ctx - fact context
 * @param pack - pack id whose pack.json holds the parameter
 * @param path - keys from `parameters` down to the number
 * @returns the number, or null after reporting SOLEUS_FACT_PARAMETER
 */
export function packNumber(
  ctx: ParameterReader,
  pack: string,
  path: readonly string[],
): number | null {
  const value = packValue(ctx, pack, path);
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  reportParameter(ctx, `${pack}/pack.json#/parameters/${path.join('/')}`, 'a finite number', value);
  return null;
}

/**
 * Reads any value from the pack's `parameters` (objects and arrays are checked by the caller).
 * @param ctx - fact context
 * @param pack - pack id
 * @param path - keys from `parameters` down to the value
 * @returns the value, or undefined when a key on the path is absent
 */
export function packValue(ctx: ParameterReader, pack: string, path: readonly string[]): unknown {
  let node: unknown = ctx.params(pack);
  for (const key of path) {
    node =
      node !== null && typeof node === 'object' && !Array.isArray(node)
        ? (node as Record<string, unknown>)[key]
        : undefined;
  }
  return node;
}

/**
 * Reads another fact as a number: any non-number value (unknown, or a type mismatch) is unknown.
 * @param ctx - fact context
 * @param name - catalogue name of the fact
 * @returns its number (or null) and its evidence
 */
export function numberFact(ctx: MechanismContext, name: string): NumberInput {
  const fact: Fact = ctx.fact(name);
  const value = typeof fact.value === 'number' && Number.isFinite(fact.value) ? fact.value : null;
  return { value, evidence: fact.evidence ?? [] };
}

/**
 * Reports a parameter fault once per location (the collector de-duplicates by code and location).
 * @param ctx - fact context
 * @param where - where the parameter lives, e.g. `analgesic/pack.json#/parameters/apap/lowWeightKg`
 * @param expected - what was expected
 * @param found - what was found (a configuration value, never patient data)
 */
export function reportParameter(
  ctx: ParameterReader,
  where: string,
  expected: string,
  found: unknown,
): void {
  const [file, pointer] = where.split('#');
  ctx.issues.add({
    severity: 'warning',
    code: 'SOLEUS_FACT_PARAMETER',
    message: `${where}: expected ${expected}, found ${found === undefined ? 'nothing' : typeof found}; the derived fact is unknown`,
    // `path` keeps two faults in one pack file apart (the collector de-duplicates by code + path).
    location: { file: file ?? where, pointer: pointer ?? '', path: where },
    // A content fault: only the operator can fix it, so it is counted, never a card line.
    audience: 'operator',
  });
}

/**
 * Runs a mechanism's parameter reads at load time and collects what they report, as errors: the
 * same readers the computation uses, so the check cannot drift from what a request would read.
 * @param pack - pack parameters by pack id
 * @param read - reads every parameter the mechanism needs, reporting faults to the reader
 * @returns the faults, one per location
 */
export function collectParameterIssues(
  pack: PackParameters,
  read: (reader: ParameterReader) => void,
): Issue[] {
  const found = new Map<string, Issue>();
  read({
    params: pack,
    issues: {
      add: (issue) => {
        found.set(issue.location?.path ?? issue.message, { ...issue, severity: 'error' });
      },
    },
  });
  return [...found.values()];
}
