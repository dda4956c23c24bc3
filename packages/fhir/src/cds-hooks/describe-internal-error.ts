/**
 * What the server may log about an unexpected exception: enough to find the bug (its type, code and
 * stack frames), nothing of the request. Messages of errors the JavaScript engine raises (TypeError,
 * RangeError, ReferenceError) describe code ("Cannot read properties of undefined (reading 'code')")
 * and are kept, shortened; any other message may quote input (a JSON parser's snippet, a value in a
 * library's message) and is left out. Never sent to the client: the HTTP body stays a bare 500.
 */

/** A loggable description of an unexpected exception. */
export interface InternalErrorDescription {
  /** The error's name (`TypeError`), or the typeof of a thrown non-Error. */
  readonly type: string;
  /** `err.code` when it is a string (e.g. `SOLEUS_FACT_SCHEMA`, `ERR_INVALID_ARG_TYPE`). */
  readonly code?: string;
  /** Only for engine-raised errors, at most 200 characters. */
  readonly message?: string;
  /** The stack frames (`at …` lines), without the message line. */
  readonly stack: readonly string[];
}

const ENGINE_ERRORS = new Set(['TypeError', 'RangeError', 'ReferenceError']);
const MAX_FRAMES = 20;

/**
 * Describes an exception for the server log.
 * @param err - whatever was thrown
 * @returns type, code, engine message and stack frames; no request data
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
    ...(ENGINE_ERRORS.has(err.name) ? { message: err.message.slice(0, 200) } : {}),
    stack: frames,
  };
}
