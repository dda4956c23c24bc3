/**
 * Typed access to the UCUM engine of `@lhncbc/ucum-lhc` (NLM), which ships no type declarations.
 * Only the two calls the units module needs are typed; everything else stays out of reach.
 */

/** Options of `convertUnitTo`: molar mass (g/mol) for mass ↔ mol and valence for eq ↔ mol/mass. */
export interface UcumConvertOptions {
  readonly molecularWeight?: number;
  readonly charge?: number;
}

/** The result of `convertUnitTo`, narrowed to the fields Soleus reads. */
export interface UcumConvertResult {
  readonly status: 'succeeded' | 'failed' | 'error';
  readonly toVal: number | null;
  readonly msg: readonly string[];
}

/** The result of `validateUnitString`, narrowed to the fields Soleus reads. */
export interface UcumValidateResult {
  readonly status: 'valid' | 'invalid' | 'error';
  readonly ucumCode: string | null;
  readonly msg: readonly string[];
}

/** The subset of `UcumLhcUtils` that Soleus uses. */
export interface UcumUtils {
  convertUnitTo(
    fromUnitCode: string,
    fromVal: number,
    toUnitCode: string,
    options?: UcumConvertOptions,
  ): UcumConvertResult;
  validateUnitString(unit: string, suggest?: boolean, valConv?: string): UcumValidateResult;
}

interface UcumPackage {
  readonly UcumLhcUtils: { getInstance(): UcumUtils };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package has no types; typed above
const ucumPackage = require('@lhncbc/ucum-lhc') as UcumPackage;

let engine: UcumUtils | undefined;

/**
 * Returns the shared UCUM engine. ucum-lhc's `getInstance()` builds a new utilities object on every
 * call (~50 µs, measured by the bench), so the first one is kept and reused; it holds no per-call state.
 * @returns the typed UCUM engine
 */
export function getUcumUtils(): UcumUtils {
  engine ??= ucumPackage.UcumLhcUtils.getInstance();
  return engine;
}
