import Ajv2020 from 'ajv/dist/2020';
import { SoleusError, type FactDefinition, type Issue, type RuleSet } from '@soleus/core';
import { compileFhirPath } from './fhirpath-expressions';
import type { FactSource } from './fact-source';
import { RECORD_MECHANISMS } from '../derivations/record-mechanisms';
import { clashingMechanisms, mechanismsOf } from './mechanisms-of';
import sourceSchema from './fact-source.schema.json';

/** A catalogue fact with its validated source. */
export interface CompiledSource {
  readonly definition: FactDefinition;
  readonly source: FactSource;
}

const validateSource = new Ajv2020({ allErrors: false, strict: false }).compile<FactSource>(
  sourceSchema,
);
const cache = new WeakMap<RuleSet, ReadonlyMap<string, CompiledSource>>();

/**
 * Validates every catalogue fact's `source` against what this adapter can compute, once per rule set.
 * @param ruleSet - the loaded rule set
 * @returns fact name → definition and typed source
 * @throws {SOLEUS_FACT_SCHEMA} listing every fact whose source is not understood
 */
export function compiledSources(ruleSet: RuleSet): ReadonlyMap<string, CompiledSource> {
  const cached = cache.get(ruleSet);
  if (cached) {
    return cached;
  }
  const compiled = new Map<string, CompiledSource>();
  const issues: Issue[] = clashingMechanisms(ruleSet).map((name) => ({
    severity: 'error',
    code: 'SOLEUS_PACK_MECHANISM',
    message: `mechanism "${name}" of a pack reuses the name of a mechanism @soleus/fhir registers; expected a name of the pack's own`,
    location: { pointer: '/mechanisms' },
  }));
  const mechanisms = mechanismsOf(ruleSet);
  const packParameters = (id: string) => ruleSet.packs.get(id)?.parameters ?? {};
  for (const [name, definition] of ruleSet.facts) {
    const source = definition.source as unknown;
    if (!validateSource(source)) {
      issues.push(
        sourceIssue(
          name,
          `source is not a fact source @soleus/fhir understands (${JSON.stringify(source)})`,
        ),
      );
    } else if (source.kind === 'derived' && !mechanisms.has(source.derivation)) {
      issues.push(
        sourceIssue(
          name,
          `unknown derivation "${source.derivation}"; expected one of ${[...mechanisms.keys()].join(', ') || '(none)'}`,
        ),
      );
    } else if (source.kind === 'derived' && !paramsHold(name, source, packParameters, issues)) {
      continue;
    } else if (!expressionsCompile(source, name, issues)) {
      continue;
    } else {
      compiled.set(name, { definition, source });
    }
  }
  if (issues.length > 0) {
    throw new SoleusError(
      'SOLEUS_FACT_SCHEMA',
      `${issues.length} fact source problem(s):\n${issues.map((i) => i.message).join('\n')}`,
      { issues },
    );
  }
  cache.set(ruleSet, compiled);
  return compiled;
}

function sourceIssue(name: string, what: string): Issue {
  return {
    severity: 'error',
    code: 'SOLEUS_FACT_SCHEMA',
    message: `fact ${name}: ${what}`,
    location: { pointer: `/facts/${name}/source` },
  };
}

/**
 * Runs the mechanism's own parameter check (record mechanisms; the rule-set loader already ran those of
 * the rule set's registry, so this adds nothing for them).
 */
function paramsHold(
  name: string,
  source: Extract<FactSource, { kind: 'derived' }>,
  pack: (id: string) => Readonly<Record<string, unknown>>,
  issues: Issue[],
): boolean {
  const found = RECORD_MECHANISMS.get(source.derivation)?.checkParams?.(source.params ?? {}, pack);
  for (const issue of found ?? []) {
    issues.push({ ...issue, severity: 'error', message: `fact ${name}: ${issue.message}` });
  }
  return (found ?? []).length === 0;
}

/** Compiles a source's FHIRPath once, at load, so a typo fails the rule set instead of a request. */
function expressionsCompile(source: FactSource, name: string, issues: Issue[]): boolean {
  const expressions = [
    'where' in source ? source.where : undefined,
    source.kind === 'observation' ? source.expression : undefined,
  ].filter((e): e is string => e !== undefined);
  if (
    source.kind === 'observation' &&
    source.value === 'expression' &&
    source.expression === undefined
  ) {
    issues.push(sourceIssue(name, 'value "expression" needs an `expression`'));
    return false;
  }
  for (const expression of expressions) {
    try {
      compileFhirPath(expression);
    } catch (err) {
      issues.push(
        sourceIssue(
          name,
          `FHIRPath "${expression}" does not parse: ${(err as Error).message.split('\n')[0] ?? ''}`,
        ),
      );
      return false;
    }
  }
  return true;
}
