/**
 * Issue 12 audit findings on a real 127.0.0.1 listener: slow clients (slowloris) were cut at 60–90 s
 * whatever the configured timeout, because Node checks request and header timeouts only every 30 s;
 * and errors the HTTP parser answers on the raw socket (431 header overflow, 408 timeout) were not
 * OperationOutcome. Raw TCP sockets send exactly the bytes each case needs.
 */
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/build-app';
import { captureLogs } from './support/log-capture';
import { loadTestRuleSet, NOW, PATIENT_VIEW } from './support/test-rule-set';

jest.setTimeout(15_000);

let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  app = buildApp({
    ruleSet: await loadTestRuleSet(),
    clock: () => NOW,
    logStream: captureLogs().stream,
    requestTimeoutMs: 800,
    headersTimeoutMs: 400,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await app.close();
});

interface Exchange {
  readonly ms: number;
  readonly answer: string;
}

/** Opens a socket, writes `first`, then one byte of `trickle` every `everyMs` until the server closes. */
function slowClient(first: string, trickle: string, everyMs: number): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(first));
    let index = 0;
    const timer = setInterval(() => {
      if (index < trickle.length && !socket.destroyed) {
        socket.write(trickle[index] ?? '');
        index += 1;
      }
    }, everyMs);
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error('the server kept the slow client for more than 8 s'));
    }, 8000);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ ms: performance.now() - started, answer: Buffer.concat(chunks).toString() });
    });
  });
}

const outcomeOf = (answer: string): { resourceType?: string } =>
  JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { resourceType?: string };

it('cuts a client that trickles its body at the configured request timeout, with a 408 OperationOutcome', async () => {
  const body = JSON.stringify({ hook: 'patient-view', hookInstance: 'x', context: {} });
  const head =
    `POST /cds-services/${PATIENT_VIEW} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
  const { ms, answer } = await slowClient(head, body, 100);
  expect(ms).toBeGreaterThanOrEqual(700);
  expect(ms).toBeLessThan(2500);
  expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  expect(outcomeOf(answer).resourceType).toBe('OperationOutcome');
});

it('cuts a client that trickles its headers at the configured headers timeout', async () => {
  const { ms, answer } = await slowClient(
    'GET /cds-services HTTP/1.1\r\n',
    'X-Slow: aaaaaaaaaaaaaaaaaaaa',
    100,
  );
  expect(ms).toBeGreaterThanOrEqual(300);
  expect(ms).toBeLessThan(2000);
  expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  expect(outcomeOf(answer).resourceType).toBe('OperationOutcome');
});

it('answers headers over the size limit with 431 and an OperationOutcome that does not echo them', async () => {
  const big = `X-Big: ${'s'.repeat(20_000)}SECRETVALUE\r\n`;
  const { answer } = await slowClient(
    `GET /cds-services HTTP/1.1\r\nHost: 127.0.0.1\r\n${big}\r\n`,
    '',
    1000,
  );
  expect(answer).toMatch(/^HTTP\/1\.1 431 /);
  expect(outcomeOf(answer).resourceType).toBe('OperationOutcome');
  expect(answer).not.toContain('SECRETVALUE');
});

it('answers a request line that does not parse with 400 OperationOutcome', async () => {
  const { answer } = await slowClient('NOT HTTP AT ALL\r\n\r\n', '', 1000);
  expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  expect(outcomeOf(answer).resourceType).toBe('OperationOutcome');
});

it('still serves a client that sends at normal speed', async () => {
  const res = await fetch(`http://127.0.0.1:${port}/cds-services`);
  expect(res.status).toBe(200);
});
