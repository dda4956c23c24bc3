/**
 * The demo page: `GET /demo` (one hand-written HTML page with its script and stylesheet, no build step,
 * no CDN), `GET /demo/patients` (the bundled synthetic sample patients: id, label, scenario, hook) and
 * `GET /demo/patients/:id` (one FHIR Bundle). The page calls the REAL `/cds-services` endpoints, so the
 * JWT gate is never bypassed: these routes only serve static, synthetic, read-only data. Scenario
 * bundles are shifted in time by (server now − `asOf`) so a "calf pain today" case stays today.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context';

/** Where the page assets live (`packages/server/demo`, from `src/routes` or `dist/routes`). */
const DEMO_DIR = join(__dirname, '..', '..', 'demo');
/** Where the sample patients live (`packages/server/demo-data`). */
const DATA_DIR = join(__dirname, '..', '..', 'demo-data');
const DAY_MS = 86_400_000;

/** Page assets by URL: file name and content type. */
const ASSETS: Readonly<Record<string, readonly [string, string]>> = {
  '/demo': ['index.html', 'text/html; charset=utf-8'],
  '/demo/demo.js': ['demo.js', 'text/javascript; charset=utf-8'],
  '/demo/demo.css': ['demo.css', 'text/css; charset=utf-8'],
};

/** Same-origin only: the page may talk to this service and nothing else. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
  "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** One entry of `demo-data/patients.json`. */
interface DemoPatient {
  readonly id: string;
  readonly label: string;
  readonly scenario: string;
  readonly hook: string;
  readonly drug?: string;
  readonly file: string;
  readonly asOf: string | null;
}

/**
 * Registers the demo page, its assets and the sample-patient routes (no auth: public synthetic data).
 * @param app - the Fastify app
 * @param ctx - the shared app state (its clock dates the scenarios)
 */
export function registerDemoRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const [url, [file, type]] of Object.entries(ASSETS)) {
    const body = readFileSync(join(DEMO_DIR, file), 'utf8');
    app.get(url, async (_request, reply) =>
      reply
        .code(200)
        .type(type)
        .header('content-security-policy', CONTENT_SECURITY_POLICY)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-cache')
        .send(body),
    );
  }
  const patients = readPatients();
  const listing = patients.map(({ id, label, scenario, hook, drug }) => ({
    id,
    label,
    scenario,
    hook,
    ...(drug ? { drug } : {}),
  }));
  app.get('/demo/patients', async (_request, reply) => reply.code(200).send(listing));
  app.get<{ Params: { id: string } }>('/demo/patients/:id', async (request, reply) => {
    const patient = patients.find((p) => p.id === request.params.id);
    if (!patient) {
      return reply.callNotFound();
    }
    const bundle: unknown = JSON.parse(await readFile(join(DATA_DIR, patient.file), 'utf8'));
    const shiftMs = patient.asOf === null ? 0 : ctx.clock().getTime() - Date.parse(patient.asOf);
    return reply
      .code(200)
      .type('application/fhir+json; charset=utf-8')
      .send(shiftMs === 0 ? bundle : shiftDates(bundle, shiftMs));
  });
}

/** Reads the sample-patient index once, at registration (a broken index stops the start). */
function readPatients(): DemoPatient[] {
  const index = JSON.parse(readFileSync(join(DATA_DIR, 'patients.json'), 'utf8')) as {
    patients: DemoPatient[];
  };
  return index.patients;
}

/**
 * Shifts every FHIR date, dateTime and instant in a JSON value: times by `shiftMs` exactly, full dates
 * by the nearest whole number of days. Year and year-month values are left as recorded.
 * @param value - any JSON value (a Bundle)
 * @param shiftMs - milliseconds to add
 * @returns a shifted copy
 */
function shiftDates(value: unknown, shiftMs: number): unknown {
  if (typeof value === 'string') {
    return shiftDateString(value, shiftMs);
  }
  if (Array.isArray(value)) {
    return value.map((item) => shiftDates(item, shiftMs));
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, shiftDates(item, shiftMs)]),
    );
  }
  return value;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function shiftDateString(text: string, shiftMs: number): string {
  if (DATE_TIME.test(text)) {
    const at = Date.parse(text);
    return Number.isNaN(at) ? text : new Date(at + shiftMs).toISOString();
  }
  if (FULL_DATE.test(text)) {
    const at = Date.parse(`${text}T00:00:00Z`);
    const days = Math.round(shiftMs / DAY_MS);
    return Number.isNaN(at) ? text : new Date(at + days * DAY_MS).toISOString().slice(0, 10);
  }
  return text;
}
