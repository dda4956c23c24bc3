/**
 * CDS Hooks 2.0.1 wire types (medplum `cds.ts` style): readonly, named as in the spec, each linked to
 * the section that defines it. FHIR resources inside requests and responses use `fhir/r4` types.
 * Optional attributes are optional properties: the spec forbids `null` and empty values (REQ 3), so a
 * missing value is an absent key, never `null` (except prefetch values and `cards: []`).
 */
import type {
  Bundle,
  FhirResource,
  MedicationRequest,
  NutritionOrder,
  ServiceRequest,
} from 'fhir/r4';

/** The reserved `extension` object: its keys SHOULD be globally unique (reverse-DNS). */
export type CdsExtension = Readonly<Record<string, unknown>>;

/** The hooks Soleus serves. {@link https://cds-hooks.hl7.org/hooks/ | CDS Hooks Library} */
export type CdsHookName = 'patient-view' | 'order-select' | 'order-sign';

/**
 * The access token a client grants a service for its FHIR server.
 * {@link https://cds-hooks.hl7.org/2.0/#passing-the-access-token-to-the-cds-service | §passing-the-access-token}
 */
export interface FhirAuthorization {
  readonly access_token: string;
  readonly token_type: 'Bearer';
  /** Lifetime in seconds. REQUIRED by the spec; tolerated when absent (a warning is logged). */
  readonly expires_in?: number;
  readonly scope: string;
  /** OAuth client id of the CDS service. */
  readonly subject: string;
  /** Patient in context; SHOULD be present with `patient/` scopes (cds-r-2). */
  readonly patient?: string;
}

/** Context of `patient-view`. {@link https://cds-hooks.hl7.org/hooks/patient-view/ | patient-view} */
export interface PatientViewContext {
  /** REQUIRED by the hook; tolerated when absent because Soleus never reads it. */
  readonly userId?: string;
  readonly patientId: string;
  readonly encounterId?: string;
}

/** A draft request in `draftOrders` (R4 orders the hooks carry). */
export type DraftOrder = MedicationRequest | ServiceRequest | NutritionOrder | FhirResource;

/** Context of `order-select`. {@link https://cds-hooks.hl7.org/hooks/order-select/ | order-select} */
export interface OrderSelectContext {
  /** REQUIRED by the hook; tolerated when absent because Soleus never reads it. */
  readonly userId?: string;
  readonly patientId: string;
  readonly encounterId?: string;
  /** `Type/id` references into `draftOrders` naming the newly selected orders. */
  readonly selections: readonly string[];
  readonly draftOrders: Bundle<DraftOrder>;
}

/** Context of `order-sign`. {@link https://cds-hooks.hl7.org/hooks/order-sign/ | order-sign} */
export interface OrderSignContext {
  /** REQUIRED by the hook; tolerated when absent because Soleus never reads it. */
  readonly userId?: string;
  readonly patientId: string;
  readonly encounterId?: string;
  readonly draftOrders: Bundle<DraftOrder>;
}

/** Context of any served hook. */
export type CdsContext = PatientViewContext | OrderSelectContext | OrderSignContext;

/**
 * A prefetch value: a FHIR resource (often a searchset Bundle or an OperationOutcome describing a
 * prefetch failure), or `null` meaning "no data exists" (REQ 53).
 */
export type PrefetchValue = FhirResource | null;

/**
 * A CDS service call. {@link https://cds-hooks.hl7.org/2.0/#http-request_1 | §calling-a-cds-service}
 */
export interface CdsRequest<C extends CdsContext = CdsContext> {
  readonly hook: string;
  /** A UUID for this hook call. */
  readonly hookInstance: string;
  /** Base URL of the client's FHIR server; REQUIRED when `fhirAuthorization` is present (cds-r-1). */
  readonly fhirServer?: string;
  readonly fhirAuthorization?: FhirAuthorization;
  readonly context: C;
  readonly prefetch?: Readonly<Record<string, PrefetchValue>>;
  /** Vendor data, keyed by reverse-DNS names. {@link https://cds-hooks.hl7.org/2.0/#extensions | §extensions} */
  readonly extension?: CdsExtension;
}

/** A CDS Hooks Coding (not a FHIR Coding). {@link https://cds-hooks.hl7.org/2.0/#coding | §coding} */
export interface CdsCoding {
  readonly system: string;
  readonly code: string;
  /** REQUIRED in `overrideReasons`, optional in `source.topic`. */
  readonly display?: string;
}

/** Who the card comes from. {@link https://cds-hooks.hl7.org/2.0/#source | §source} */
export interface CdsSource {
  readonly label: string;
  readonly url?: string;
  readonly icon?: string;
  readonly topic?: CdsCoding;
}

/** One change a suggestion makes. {@link https://cds-hooks.hl7.org/2.0/#action | §action} */
export interface CdsAction {
  readonly type: 'create' | 'update' | 'delete';
  readonly description: string;
  /** The new (create) or full (update) resource. */
  readonly resource?: FhirResource;
  /** Relative reference of the resource to delete (cds-resp-2). */
  readonly resourceId?: string;
}

/** A suggested set of actions. {@link https://cds-hooks.hl7.org/2.0/#suggestion | §suggestion} */
export interface CdsSuggestion {
  readonly label: string;
  readonly uuid?: string;
  readonly isRecommended?: boolean;
  readonly actions?: readonly CdsAction[];
}

/** A link to a web page or SMART app. {@link https://cds-hooks.hl7.org/2.0/#link | §link} */
export interface CdsLink {
  readonly label: string;
  readonly url: string;
  readonly type: 'absolute' | 'smart';
  /** Only for `smart` links (cds-resp-3). */
  readonly appContext?: string;
  readonly autolaunchable?: boolean;
}

/** One card. {@link https://cds-hooks.hl7.org/2.0/#card-attributes | §card-attributes} */
export interface CdsCard {
  readonly uuid?: string;
  /** One sentence, fewer than 140 characters. */
  readonly summary: string;
  /** GitHub-flavoured markdown. */
  readonly detail?: string;
  readonly indicator: 'info' | 'warning' | 'critical';
  readonly source: CdsSource;
  readonly suggestions?: readonly CdsSuggestion[];
  /** REQUIRED whenever `suggestions` is present. */
  readonly selectionBehavior?: 'at-most-one' | 'any';
  readonly overrideReasons?: readonly CdsCoding[];
  readonly links?: readonly CdsLink[];
  /** Vendor data, keyed by reverse-DNS names. {@link https://cds-hooks.hl7.org/2.0/#extensions | §extensions} */
  readonly extension?: CdsExtension;
}

/** A service's answer. {@link https://cds-hooks.hl7.org/2.0/#cds-service-response | §response} */
export interface CdsResponse {
  readonly cards: readonly CdsCard[];
  readonly systemActions?: readonly CdsAction[];
  /** Reserved for extensions (REQ 214): an object whose keys SHOULD be globally unique. */
  readonly extension?: CdsExtension;
}

/** One entry of discovery. {@link https://cds-hooks.hl7.org/2.0/#response | §discovery response} */
export interface CdsService {
  readonly hook: string;
  readonly id: string;
  readonly title?: string;
  readonly description: string;
  /** Prefetch key → FHIR query template with `{{context.x}}` tokens. */
  readonly prefetch?: Readonly<Record<string, string>>;
  readonly usageRequirements?: string;
  /** Vendor data, keyed by reverse-DNS names. {@link https://cds-hooks.hl7.org/2.0/#extensions | §extensions} */
  readonly extension?: CdsExtension;
}

/** The discovery body. {@link https://cds-hooks.hl7.org/2.0/#discovery | §discovery} */
export interface CdsDiscoveryResponse {
  readonly services: readonly CdsService[];
}

/** Why a card was overridden. {@link https://cds-hooks.hl7.org/2.0/#overridereason | §overridereason} */
export interface CdsOverrideReason {
  /** `system` is REQUIRED by the spec but tolerated when absent (clients echo only the code). */
  readonly reason?: Omit<CdsCoding, 'system'> & { readonly system?: string };
  readonly userComment?: string;
}

/** One feedback item. {@link https://cds-hooks.hl7.org/2.0/#feedback | §feedback} */
export interface CdsFeedbackItem {
  /** The card's uuid. */
  readonly card: string;
  readonly outcome: 'accepted' | 'overridden';
  /** REQUIRED when accepted (cds-fb-2). */
  readonly acceptedSuggestions?: readonly { readonly id: string }[];
  readonly overrideReason?: CdsOverrideReason;
  /** ISO 8601 UTC instant. */
  readonly outcomeTimestamp: string;
}

/** The feedback body. {@link https://cds-hooks.hl7.org/2.0/#feedback | §feedback} */
export interface CdsFeedback {
  readonly feedback: readonly CdsFeedbackItem[];
}
