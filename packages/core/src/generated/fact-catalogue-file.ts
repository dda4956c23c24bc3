/**
 * GENERATED FILE - DO NOT EDIT. Source: packages/core/schema/facts.schema.json
 * Regenerate with `pnpm generate`; CI fails when this file drifts from the schema.
 */

/**
 * A file of fact definitions (<domain>.facts.json). Facts are the vocabulary rules are written in; the FHIR adapter computes each fact from a patient's record as its `source` says.
 */
export interface FactCatalogueFile {
  /**
   * Path or URL of this schema.
   */
  $schema?: string;
  /**
   * The fact definitions of this file.
   *
   * @minItems 1
   */
  facts: [FactDefinition, ...FactDefinition[]];
}
/**
 * One fact of the catalogue.
 */
export interface FactDefinition {
  /**
   * Dotted camelCase name rules refer to, e.g. lab.potassium or dvt.wellsClass.
   */
  name: string;
  /**
   * Value type. Decides which operators apply. Any fact may also be unknown (null).
   */
  type: 'boolean' | 'number' | 'string' | 'date' | 'string[]' | 'object';
  /**
   * Short clinical name a clinician reads in a card's "Based on" list, e.g. "Potassium" or "NSAID ordered" (the value, unit and date follow it). Facts without a label are engineering facts (e.g. the DVT decision code) and are never listed on a card; they stay in the explanation (--explain).
   */
  label?: string;
  /**
   * UCUM unit of a number fact: values are always delivered in this unit, and rule thresholds given in another unit are converted to it at load time.
   */
  unit?: string;
  /**
   * Allowed values of a string or string[] fact; rules comparing with other values are rejected.
   */
  enum?: string[];
  /**
   * What the fact means, in plain words, including what makes it unknown.
   */
  description: string;
  /**
   * How the FHIR adapter computes the fact (resource type, value set, status filter, window, aggregation, unit). Interpreted and validated by @soleus/fhir.
   */
  source: {
    /**
     * Adapter mechanism that computes the fact (e.g. observation, condition, medication, patient, derived).
     */
    kind: string;
  };
}
