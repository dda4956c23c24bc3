/**
 * The app's pino logger with redaction. Tokens (the `Authorization` header) and `fhirAuthorization`
 * (an EHR access token) must never reach a log line (CDS Hooks best practice), even if a future log
 * call passes headers or a request body by mistake; redaction removes them wherever they appear.
 */
import pino, { type DestinationStream, type LevelWithSilent, type Logger } from 'pino';

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
  };
  return stream ? pino(options, stream) : pino(options);
}
