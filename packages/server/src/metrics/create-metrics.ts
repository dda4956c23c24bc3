/**
 * Prometheus metrics of one app, on a registry of its own (never the prom-client global one, so two
 * apps in one process, as in tests, do not collide). Labels are bounded: route templates, status
 * codes, service ids and rule ids from the loaded rule set, never request values.
 */
import { Counter, Histogram, Registry } from 'prom-client';

/** The metrics the app updates. */
export interface AppMetrics {
  readonly registry: Registry;
  /** HTTP requests by route template, method and status. */
  readonly requests: Counter<'route' | 'method' | 'status'>;
  /** Service-call latency per service id, seconds. */
  readonly serviceLatency: Histogram<'service'>;
  /** Cards issued per rule id and indicator. */
  readonly cards: Counter<'rule_id' | 'indicator'>;
  /** Feedback items per outcome. */
  readonly feedback: Counter<'outcome'>;
  /** Error responses and internal failures by kind (status code, `timeout`, `store`). */
  readonly errors: Counter<'kind'>;
  /**
   * Data-quality issues raised while evaluating, per code and audience: `clinician` (it reached the
   * data-quality card) or `operator` (only counted, e.g. a medication outside every rule that could
   * not be identified).
   */
  readonly dataIssues: Counter<'code' | 'audience'>;
}

/**
 * Creates the registry and metrics of one app.
 * @returns the metrics
 */
export function createMetrics(): AppMetrics {
  const registry = new Registry();
  return {
    registry,
    requests: new Counter({
      name: 'soleus_http_requests_total',
      help: 'HTTP requests by route template, method and status code',
      labelNames: ['route', 'method', 'status'],
      registers: [registry],
    }),
    serviceLatency: new Histogram({
      name: 'soleus_service_duration_seconds',
      help: 'CDS service call latency (prefetch + evaluation) per service id',
      labelNames: ['service'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    cards: new Counter({
      name: 'soleus_cards_total',
      help: 'Cards issued per rule id and indicator',
      labelNames: ['rule_id', 'indicator'],
      registers: [registry],
    }),
    feedback: new Counter({
      name: 'soleus_feedback_total',
      help: 'Feedback items received per outcome',
      labelNames: ['outcome'],
      registers: [registry],
    }),
    dataIssues: new Counter({
      name: 'soleus_data_issues_total',
      help: 'Data-quality issues per code and audience (clinician: shown on the data-quality card; operator: only counted)',
      labelNames: ['code', 'audience'],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'soleus_errors_total',
      help: 'Error responses by status code, plus evaluation timeouts and store failures',
      labelNames: ['kind'],
      registers: [registry],
    }),
  };
}
