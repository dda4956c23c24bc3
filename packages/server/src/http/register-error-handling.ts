/**
 * Maps every failure Fastify detects before or around a handler to a FHIR OperationOutcome: malformed
 * JSON → 400, empty body → 400, oversized body → 413, wrong content type → 415, unknown route → 404,
 * anything else → 500 with no detail. An unexpected error is logged with its type, code and stack
 * frames (never its message or the body) and counted as `internal`.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { describeInternalError } from '@soleus/fhir';
import type { AppMetrics } from '../metrics/create-metrics';
import { errorOutcome, type TransportFailureName } from './error-outcome';

const BY_FASTIFY_CODE: Readonly<Record<string, TransportFailureName>> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupportedMediaType',
  FST_ERR_CTP_BODY_TOO_LARGE: 'tooLarge',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'emptyBody',
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformedJson',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'badRequest',
};

/**
 * Installs the error and not-found handlers.
 * @param app - the Fastify app
 * @param metrics - where internal errors are counted
 */
export function registerErrorHandling(app: FastifyInstance, metrics: AppMetrics): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const name = failureOf(error);
    if (name === 'internal') {
      metrics.errors.inc({ kind: 'internal' });
      request.log.error(
        { code: 'SOLEUS_SERVER_INTERNAL_ERROR', err: describeInternalError(error) },
        'unexpected error',
      );
    } else {
      request.log.info({ code: error.code ?? error.name }, 'request refused');
    }
    const { status, body } = errorOutcome(name);
    await reply.code(status).type('application/json').send(body);
  });
  app.setNotFoundHandler(async (_request, reply) => {
    const { status, body } = errorOutcome('notFound');
    await reply.code(status).send(body);
  });
}

function failureOf(error: FastifyError): TransportFailureName {
  const byCode = error.code ? BY_FASTIFY_CODE[error.code] : undefined;
  if (byCode) {
    return byCode;
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return 'malformedJson';
  }
  return error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500
    ? 'badRequest'
    : 'internal';
}
