/**
 * The failures Fastify and Node answer before any route or error handler runs, turned into FHIR
 * OperationOutcome bodies like every other error: a URL that does not decode (400) or a path segment
 * over the router's limit (414) through Fastify's `frameworkErrors`, and the raw-socket errors of
 * Node's HTTP parser through `clientErrorHandler`: headers over the size limit (431), a client too slow
 * to send its request within the configured timeouts (408), any other malformed request (400). No body
 * echoes the input (Fastify's defaults quote the URL).
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { errorOutcome, type TransportFailureName } from './error-outcome';

/** The Fastify constructor options that route framework and socket errors to OperationOutcomes. */
export interface TransportErrorOptions {
  readonly frameworkErrors: (
    error: FastifyError,
    request: FastifyRequest,
    reply: FastifyReply,
  ) => void;
  readonly clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => void;
}

const FRAMEWORK_FAILURES: Readonly<Record<string, TransportFailureName>> = {
  FST_ERR_BAD_URL: 'badUrl',
  FST_ERR_MAX_PARAM_LENGTH: 'uriTooLong',
};

const SOCKET_FAILURES: Readonly<Record<string, TransportFailureName>> = {
  HPE_HEADER_OVERFLOW: 'headersTooLarge',
  ERR_HTTP_REQUEST_TIMEOUT: 'requestTimeout',
};

/**
 * Builds the options.
 * @returns `frameworkErrors` and `clientErrorHandler` for `Fastify({ … })`
 */
export function transportErrorOptions(): TransportErrorOptions {
  return {
    frameworkErrors: (error, request, reply) => {
      const name =
        FRAMEWORK_FAILURES[error.code] ?? (error.statusCode === 400 ? 'badRequest' : 'internal');
      request.log.info({ code: error.code }, 'request refused');
      const { status, body } = errorOutcome(name);
      void reply.code(status).type('application/json').send(body);
    },
    clientErrorHandler: (error, socket) => {
      if (error.code === 'ECONNRESET' || socket.destroyed) {
        return;
      }
      if (!socket.writable) {
        socket.destroy(error);
        return;
      }
      const { status, body } = errorOutcome(SOCKET_FAILURES[error.code ?? ''] ?? 'badRequest');
      const text = JSON.stringify(body);
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
          'Content-Type: application/json\r\n' +
          `Content-Length: ${Buffer.byteLength(text)}\r\n` +
          'Connection: close\r\n\r\n' +
          text,
      );
    },
  };
}
