/**
 * The summary of one service from whichever store is configured: aggregated by the store itself
 * when it can (PostgreSQL), otherwise computed from its records.
 */
import type { Issue } from '@soleus/core';
import type { FeedbackStore } from './feedback-store';
import { summarizeFeedback, type FeedbackSummary } from './summarize-feedback';

/**
 * Summarises a service's feedback.
 * @param store - the feedback store
 * @param serviceId - the service
 * @returns the summary and the store's read issues (skipped lines)
 */
export async function summarizeStore(
  store: FeedbackStore,
  serviceId: string,
): Promise<{ readonly summary: FeedbackSummary; readonly issues: readonly Issue[] }> {
  if (store.summarize) {
    return { summary: await store.summarize(serviceId), issues: [] };
  }
  const { records, issues } = await store.read();
  return { summary: summarizeFeedback(records, serviceId), issues };
}
