/**
 * What every route of one app shares: the resolved options with defaults applied, the metrics and
 * the feedback store. Built once in {@link buildApp}; routes receive it explicitly (no globals).
 */
import type { RuleSet } from '@soleus/core';
import type { FhirFetcher, RxnormIndex } from '@soleus/fhir';
import type { FeedbackStore } from './feedback/feedback-store';
import type { ReadinessCheck } from './health/readiness-check';
import type { AppMetrics } from './metrics/create-metrics';

/** Shared state of one app. */
export interface AppContext {
  readonly ruleSet: RuleSet;
  readonly clock: () => Date;
  readonly evaluationTimeoutMs: number;
  readonly prefetchTimeoutMs: number;
  readonly prefetchMaxBytes?: number;
  readonly metrics: AppMetrics;
  readonly store: FeedbackStore;
  readonly readinessChecks: readonly ReadinessCheck[];
  readonly fetch?: FhirFetcher;
  readonly explain: boolean;
  readonly rxnormIndex?: RxnormIndex;
  /** The public base URL (no trailing slash): card links to the Wells app and /fhir are built on it. */
  readonly publicBaseUrl?: string;
}
