/**
 * The one place Soleus reads the wall clock. Evaluation code always receives `now`; the server is the
 * transport that supplies it, so it reads the clock here and nowhere else (tests pass a fixed clock).
 */

/**
 * Returns the current instant.
 * @returns the wall-clock time
 */
export function wallClock(): Date {
  // eslint-disable-next-line no-restricted-syntax -- allow-clock: the server supplies `now` to every evaluation
  return new Date(); // allow-clock
}
