/**
 * Races a promise against a timer. The EHR-facing latency budget is enforced here: past the time box
 * the caller fails open (CDS Hooks services must never block the clinician), while the late work is
 * left to finish and is ignored.
 */

/** The result of a time-boxed promise. */
export type TimeBoxed<T> = { readonly done: true; readonly value: T } | { readonly done: false };

/**
 * Waits for `work` at most `timeoutMs`.
 * @param work - a promise that never rejects (or whose rejection the caller accepts as a throw)
 * @param timeoutMs - the time box, ms
 * @returns the value, or `done: false` when the time box ran out first
 */
export async function timeBox<T>(work: Promise<T>, timeoutMs: number): Promise<TimeBoxed<T>> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<TimeBoxed<T>>((resolve) => {
    timer = setTimeout(() => resolve({ done: false }), timeoutMs);
  });
  try {
    return await Promise.race([work.then((value) => ({ done: true as const, value })), expired]);
  } finally {
    clearTimeout(timer);
  }
}
