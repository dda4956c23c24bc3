/**
 * GENERATED FILE - DO NOT EDIT. Source: packages/core/schema/rule.schema.json
 * Regenerate with `pnpm generate`; CI fails when this file drifts from the schema.
 */

/**
 * A nested boolean combination or a leaf comparison.
 */
export type Condition = AllCondition | AnyCondition | NotCondition | LeafCondition;

/**
 * One Soleus clinical rule: when its conditions hold for a patient's facts on one of its hooks, it produces one CDS Hooks card. One rule per file, named <slug>.rule.json inside its pack directory.
 */
export interface RuleDefinition {
  /**
   * Path or URL of this schema, so editors can complete and validate the file.
   */
  $schema?: string;
  /**
   * Permanent rule id = the card id of clinical-spec.md §4 (kebab-case). Never renamed or reused; retire a rule with status 'retired' instead of deleting it.
   */
  id: string;
  /**
   * Semantic version of the rule. Patch: wording or citation. Minor: a threshold or value-set change that changes who fires. Major: a new population or a different action.
   */
  version: string;
  /**
   * FHIR PublicationStatus. Only 'active' rules are evaluated by default; 'draft' rules are evaluated when the caller asks for drafts (dry runs); 'retired' rules are never evaluated.
   */
  status: 'draft' | 'active' | 'retired';
  /**
   * Short human name of the rule; also the display of the card's source.topic coding.
   */
  title: string;
  /**
   * Plain-words statement of what triggers the rule, for clinical reviewers and the rule catalogue.
   */
  description?: string;
  /**
   * Id of the rule pack this rule belongs to (the pack.json beside it). Pack order decides ranking within an indicator level (rule set A, then B, then C).
   */
  pack: string;
  /**
   * CDS Hooks on which the rule is evaluated.
   *
   * @minItems 1
   */
  hooks: [
    'patient-view' | 'order-select' | 'order-sign',
    ...('patient-view' | 'order-select' | 'order-sign')[],
  ];
  /**
   * Ranking of the cards of one indicator level and pack: higher comes first (ties by rule id). Cards rank by indicator (critical, warning, info), then pack order, then priority. It does not change evaluation: every rule of the hook is evaluated, whatever its priority.
   */
  priority: number;
  /**
   * Ids of rules whose cards are withdrawn when this rule fires (e.g. nsaid-contraindicated suppresses nsaid-gastroprotection). Applied after evaluation, deterministically.
   */
  suppresses?: string[];
  /**
   * When the rule fires, in json-rules-engine grammar: all / any / not over leaf conditions {fact, operator, value}.
   */
  conditions: AllCondition | AnyCondition | NotCondition;
  card: CardTemplate;
  /**
   * Citations behind the rule: in the rule catalogue, and under Sources in every card's detail unless their audience is 'reviewer'.
   *
   * @minItems 1
   */
  evidence: [Evidence, ...Evidence[]];
  /**
   * Design choices and known disagreements between sources, in plain words, for reviewers (e.g. 'DESIGN CHOICE: 2 g ceiling with cirrhosis; AGS says reduce 50-75 %').
   */
  notes?: string[];
}
/**
 * Conjunction.
 */
export interface AllCondition {
  /**
   * True when every nested condition is true.
   *
   * @minItems 1
   */
  all: [Condition, ...Condition[]];
}
/**
 * Disjunction.
 */
export interface AnyCondition {
  /**
   * True when at least one nested condition is true.
   *
   * @minItems 1
   */
  any: [Condition, ...Condition[]];
}
/**
 * Negation.
 */
export interface NotCondition {
  /**
   * True when the nested condition is false. Beware: an unknown fact makes a leaf false, so not(unknown) is true; prefer explicit 'isKnown' checks.
   */
  not: AllCondition | AnyCondition | NotCondition | LeafCondition;
}
/**
 * One comparison of a fact with a value. An unknown fact (null) makes every operator false except isUnknown.
 */
export interface LeafCondition {
  /**
   * Name of a fact in the fact catalogue (dotted camelCase, e.g. dvt.wellsClass).
   */
  fact: string;
  /**
   * Operator from the operator table (docs/reference/operators.md): equal, notEqual, lessThan, lessThanOrEqual, greaterThan, greaterThanOrEqual, in, notIn, contains, doesNotContain, isKnown, isUnknown, containsAny, withinLast, olderThan, inValueSet, ...
   */
  operator: string;
  /**
   * Right-hand side: a literal (number, string, boolean, array), an ISO 8601 duration for date operators, a value-set url for inValueSet, or {"fact": name} to compare with another fact.
   */
  value?: number | string | boolean | unknown[] | {};
  /**
   * UCUM unit of a numeric `value`. The loader converts the threshold to the fact's catalogue unit once, at load time (e.g. 1.7 mg/dL magnesium → mmol/L). Omit when the value is already in the fact's unit.
   */
  unit?: string;
  /**
   * JSONPath into an object-valued fact (json-rules-engine `path`), e.g. $.score.
   */
  path?: string;
}
/**
 * The CDS Hooks card this rule produces.
 */
export interface CardTemplate {
  /**
   * Default indicator (clinical-spec.md §4).
   */
  indicator: 'info' | 'warning' | 'critical';
  /**
   * One sentence, < 140 characters after interpolation. May interpolate {{fact.name}}.
   */
  summary: string;
  /**
   * GitHub-flavoured markdown saying what to do and why, in words a clinician reads at the bedside. May interpolate {{fact.name}} (the value with its unit as clinicians write it; dates read "20 Nov 2026, 2 days ago"). Appended automatically: data the card needed that could not be used, a plain-language "Based on" list (labelled facts that made it fire) and the clinician sources. Rule id@version, fact names and resource ids go to the response extension, never to the text.
   */
  detail: string;
  /**
   * Conditional indicator, summary and detail changes (e.g. warning instead of critical when already anticoagulated; 'DVT not yet excluded' on cramp cards).
   */
  variants?: TextVariant[];
  /**
   * CDS Hooks selectionBehavior; required by the spec whenever suggestions exist.
   */
  selectionBehavior?: 'at-most-one' | 'any';
  /**
   * Actions the clinician can accept in one click.
   */
  suggestions?: Suggestion[];
  /**
   * Links shown on the card.
   */
  links?: Link[];
  /**
   * Reasons a clinician can pick when dismissing the card: codes of the Soleus override-reason CodeSystem (codesystems/override-reason.codesystem.json), each with exactly that CodeSystem's display (the loader checks both).
   */
  overrideReasons?: Coding[];
}
/**
 * A conditional change to the card. Variants are tried in order; the first with an indicator sets the indicator, the first with a summary sets the summary, every matching detail is appended.
 */
export interface TextVariant {
  /**
   * Conditions under which this variant applies.
   */
  when: AllCondition | AnyCondition | NotCondition;
  /**
   * Indicator to use instead of the default when `when` holds.
   */
  indicator?: 'info' | 'warning' | 'critical';
  /**
   * Summary to use instead of the default when `when` holds (< 140 characters after interpolation).
   */
  summary?: string;
  /**
   * Markdown paragraph appended to the detail when `when` holds.
   */
  detail?: string;
}
/**
 * One suggestion.
 */
export interface Suggestion {
  /**
   * Button text.
   */
  label: string;
  /**
   * Marks the preferred suggestion (at most one with at-most-one).
   */
  isRecommended?: boolean;
  /**
   * Offer the suggestion only when these conditions hold (e.g. no interim anticoagulation for an anticoagulated patient).
   */
  when?: AllCondition | AnyCondition | NotCondition;
  /**
   * Actions applied together, like a FHIR transaction.
   *
   * @minItems 1
   */
  actions: [Action, ...Action[]];
}
/**
 * One action of a suggestion.
 */
export interface Action {
  /**
   * CDS Hooks action type.
   */
  type: 'create' | 'update' | 'delete';
  /**
   * What the action does, in words.
   */
  description: string;
  /**
   * FHIR R4 resource template for create/update. Strings may interpolate {{context.patientId}} and {{fact.name}}.
   */
  resource?: {
    /**
     * FHIR resource type of the template.
     */
    resourceType: string;
    [k: string]: unknown;
  };
  /**
   * For delete: name of a fact holding the Type/id references of the draft orders to delete (one action per reference).
   */
  resourceIdsFrom?: string;
}
/**
 * A CDS Hooks link.
 */
export interface Link {
  /**
   * Link text.
   */
  label: string;
  /**
   * Absolute URL, or the SMART app's launch URL. May start with {{service.baseUrl}} (the service's configured public base URL) for pages the service itself serves; such a link is left off the card when no base URL is configured, because it would not resolve.
   */
  url: string;
  /**
   * CDS Hooks link type.
   */
  type: 'absolute' | 'smart';
  /**
   * Only for smart links: what the launched app is told (CDS Hooks appContext). An object is sent as its JSON text after {{fact.x}}, {{context.x}} and {{service.baseUrl}} tokens are filled; members that end up empty are left out.
   */
  appContext?:
    | string
    | {
        [k: string]: string;
      };
}
/**
 * A coded override reason.
 */
export interface Coding {
  /**
   * Code system URI (defaults to the Soleus override-reason CodeSystem).
   */
  system?: string;
  /**
   * Code.
   */
  code: string;
  /**
   * Display text (required for override reasons).
   */
  display: string;
}
/**
 * One source.
 */
export interface Evidence {
  /**
   * Bibliographic citation.
   */
  citation: string;
  /**
   * Where to read it.
   */
  url?: string;
  /**
   * What the source says that this rule relies on, or where the rule departs from it.
   */
  note?: string;
  /**
   * Who the citation is for: 'clinician' (the default) is listed under Sources on every card; 'reviewer' (design documents such as the Soleus clinical specification) appears only in the rule catalogue and the explanation.
   */
  audience?: 'clinician' | 'reviewer';
}
