/**
 * FHIRPath over ONE resource at a time, compiled once per expression (fhirpath.js `compile`). Fact
 * sources may narrow resources with `where` and (observations) read a value with `expression`, so an
 * informaticist can add e.g. a blood-pressure component fact without TypeScript. Never used to scan the
 * whole record per fact: compiled FHIRPath over a 500-entry bundle costs ~50–70 ms per hook; the record
 * index picks candidates first and FHIRPath only looks inside each one.
 */
import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';
import type { FhirResource } from 'fhir/r4';

/** A compiled expression: resource → the values it selects. */
export type CompiledExpression = (resource: FhirResource) => unknown[];

const compiled = new Map<string, CompiledExpression>();

/**
 * Compiles an expression (memoised process-wide: expressions are data and few).
 * @param expression - FHIRPath evaluated with the resource as context
 * @returns the compiled function
 * @throws when the expression does not parse (fact sources are compiled at load, so this surfaces early)
 */
export function compileFhirPath(expression: string): CompiledExpression {
  let fn = compiled.get(expression);
  if (!fn) {
    const run = fhirpath.compile(expression, r4Model);
    fn = (resource) => {
      // An expression may read elements the adapter's schema does not check (schema/
      // fhir-read-elements.schema.json); one that fails on a resource's data selects nothing there,
      // so the resource is left out (where) or its value is unknown (expression), never a crash.
      let result: unknown;
      try {
        result = run(resource as unknown as Record<string, unknown>);
      } catch {
        return [];
      }
      return Array.isArray(result) ? result : [result];
    };
    compiled.set(expression, fn);
  }
  return fn;
}

/**
 * True when a `where` filter holds for a resource: FHIRPath truthiness (a single `true`).
 * @param expression - the filter, or undefined (no filter)
 * @param resource - the resource
 * @returns whether the resource passes
 */
export function passesWhere(expression: string | undefined, resource: FhirResource): boolean {
  if (expression === undefined) {
    return true;
  }
  const values = compileFhirPath(expression)(resource);
  return values.length === 1 && values[0] === true;
}
