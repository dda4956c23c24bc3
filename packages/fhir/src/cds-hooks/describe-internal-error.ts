/**
 * What the server may log about an unexpected exception: enough to find the bug (its type, code and
 * stack frames, i.e. file and line), nothing of the request. The message is left out: a parser's or a
 * library's message may quote input (a JSON snippet, a value), and even an engine TypeError names a
 * property read with a key from the data. Never sent to the client: the HTTP body stays a bare 500.
 */

/** A loggable description of an unexpected exception. */
export interface InternalErrorDescription {
  /** The error's name (`TypeError`), or the typeof of a thrown non-Error. */
  readonly type: string;
  /** `err.code` when it is a string (e.g. `SOLEUS_FACT_SCHEMA`, `ERR_INVALID_ARG_TYPE`). */
  readonly code?: string;
  /** The stack frames (`at …` lines), without the message line. */
  readonly stack: readonly string[];
}

const MAX_FRAMES = 20;

/**
 * Describes an exception for the server log.
 * @param err - whatever was thrown
 * @returns type, code and stack frames; no request data
 */
export function describeInternalError(err: unknown): InternalErrorDescription {
  if (!(err instanceof Error)) {
    return { type: err === null ? 'null' : typeof err, stack: [] };
  }
  const code = (err as { code?: unknown }).code;
  const frames = (err.stack ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at '))
    .slice(0, MAX_FRAMES);
  return {
    type: err.name,
    ...(typeof code === 'string' ? { code } : {}),
    stack: frames,
  };
}
