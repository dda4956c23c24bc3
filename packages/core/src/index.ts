/** @packageDocumentation core */
export const PACKAGE_NAME = '@soleus/core';
export {
  convertQuantity,
  type ConversionFailure,
  type ConversionResult,
  type ConvertedQuantity,
} from './units/convert-quantity';
export {
  normaliseQuantity,
  type NormalisationFailure,
  type NormalisedQuantity,
  type QuantityComparator,
  type QuantityInput,
} from './units/normalise-quantity';
export { parseUnit, type ParsedUnit } from './units/parse-unit';
export { isUcumUnit } from './units/is-ucum-unit';
export { findAnalyte, type AnalyteDefinition } from './units/analyte-table';
