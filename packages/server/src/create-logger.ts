/**
 * The app's pino logger with redaction. Tokens (the `Authorization` header) and `fhirAuthorization`
 * (an EHR access token) must never reach a log line (CDS Hooks best practice), even if a future log
 * call passes headers or a request body by mistake; redaction removes them wherever they appear.
 * Request lines log the URL with credential query parameters redacted (`?access_token=…`).
 */
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import { redactUrl } from './logging/redact-url';

/** Paths pino removes from every log line. */
export const REDACTED_PATHS: readonly string[] = [
  'req.headers.authorization',
  'request.headers.authorization',
  'headers.authorization',
  'authorization',
  'body.fhirAuthorization',
  'fhirAuthorization',
  '*.fhirAuthorization',
  'access_token',
  '*.access_token',
  'token',
];

/**
 * Creates the redacting JSON logger.
 * @param level - the log level
 * @param stream - where lines go (stdout when absent)
 * @returns the logger
 */
export function createLogger(level: LevelWithSilent, stream?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: '@soleus/server' },
    redact: { paths: [...REDACTED_PATHS], remove: true },
    // Replaces Fastify's request serializer (it logs the raw URL).
    serializers: { req: serializeRequest },
  };
  return stream ? pino(options, stream) : pino(options);
}

/** The loggable part of a request: method, redacted URL, Host and client address; no headers. */
function serializeRequest(req: {
  readonly method?: string;
  readonly url?: string;
  readonly host?: string;
  readonly ip?: string;
}): Record<string, unknown> {
  return {
    method: req.method,
    url: redactUrl(req.url ?? ''),
    host: req.host,
    remoteAddress: req.ip,
  };
}
