/**
 * The Wells loop end to end in headless Chromium (browser from scripts/find-chromium.ts; a browser
 * that cannot be found FAILS this suite, it never skips). A stub SMART EHR (authorization server +
 * FHIR API enforcing scopes, test/support/smart-ehr-stub.ts) and the Soleus service listen on
 * 127.0.0.1. The EHR calls patient-view and gets `dvt-wells-incomplete` with a smart link; it launches
 * that link as an EHR does (`iss` + `launch`, the card's appContext in the token response); the app
 * pre-fills active cancer from the record, the clinician answers the bedside items by keyboard and
 * clicks and overrides the cancer item with a reason; the QuestionnaireResponse lands on the EHR; the
 * app shows the service's class and next step; and a new patient-view call now answers
 * `dvt-excluded`. axe-core (from node_modules) checks WCAG 2 A/AA on the form and the result;
 * screenshots at tablet and phone width go to test-output/wells-app/.
 */
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { QuestionnaireResponse } from 'fhir/r4';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_CONTENT, loadRuleSet } from '@soleus/core';
import { validateCdsResponse, type CdsCard, type CdsResponse } from '@soleus/fhir';
import { buildApp } from '../src/build-app';
import { CHROMIUM_LAUNCH_ARGS, findChromium } from '../../../scripts/find-chromium';
import { axeViolations } from './support/axe-violations';
import { startSmartEhrStub, type SmartEhrStub } from './support/smart-ehr-stub';
import { ehrRecord } from './support/wells-e2e-record';

const SHOTS = join(__dirname, '..', '..', '..', 'test-output', 'wells-app');
const CLIENT_ID = 'soleus-wells-test';

let app: FastifyInstance;
let ehr: SmartEhrStub;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];

jest.setTimeout(30_000);

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const executablePath = await findChromium();
  mkdirSync(SHOTS, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  // The browser writes `authored` with its own clock, so the service evaluates on the wall clock too.
  app = buildApp({
    ruleSet: await loadRuleSet(DEFAULT_CONTENT),
    clock: () => new Date(),
    logLevel: 'silent',
    publicBaseUrl: base,
    smartClientId: CLIENT_ID,
  });
  await app.listen({ host: '127.0.0.1', port });
  ehr = await startSmartEhrStub({
    clientId: CLIENT_ID,
    redirectPrefix: `${base}/apps/wells/`,
    fhirUser: 'Practitioner/dr-1',
    resources: ehrRecord(new Date()),
  });
  browser = await chromium.launch({ executablePath, args: [...CHROMIUM_LAUNCH_ARGS] });
  page = await browser.newPage({ viewport: { width: 820, height: 1180 } }); // a tablet, portrait
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      pageErrors.push(msg.text());
    }
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await ehr?.close();
});

/** The EHR's patient-view call; the service fetches the record from the EHR with its token. */
async function patientView(): Promise<readonly CdsCard[]> {
  const res = await fetch(`${base}/cds-services/soleus-patient-view`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      hook: 'patient-view',
      hookInstance: crypto.randomUUID(),
      fhirServer: ehr.fhirBaseUrl,
      fhirAuthorization: {
        access_token: ehr.serviceToken,
        token_type: 'Bearer',
        expires_in: 300,
        scope: 'patient/*.read',
        subject: 'soleus',
      },
      context: { userId: 'Practitioner/dr-1', patientId: 'p1', encounterId: 'e1' },
    }),
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as CdsResponse;
  expect(validateCdsResponse(body)).toEqual([]);
  return body.cards;
}

const cardIds = (cards: readonly CdsCard[]): string[] =>
  cards.map((c) => c.source.topic?.code ?? '');

/** The id of the focused element. */
const focusedId = async (): Promise<string> =>
  (await page.evaluate('document.activeElement ? document.activeElement.id : ""')) as string;

const radio = (linkId: string, value: 'true' | 'false' | ''): string =>
  `#item-${linkId} input[value="${value}"]`;

describe('the Wells loop', () => {
  // One test, steps in order: each step needs the page, the launch and the stored response the one
  // before left, so they must not be shuffled by jest --randomize (pnpm test) or run alone.
  const steps: [string, () => Promise<void> | void][] = [];
  let launchUrl: string;

  steps.push([
    'patient-view: dvt-wells-incomplete carries a smart link to the app this service serves',
    async () => {
      const cards = await patientView();
      expect(cardIds(cards)).toContain('dvt-wells-incomplete');
      const card = cards.find((c) => c.source.topic?.code === 'dvt-wells-incomplete');
      const smart = card?.links?.find((l) => l.type === 'smart');
      expect(smart?.url).toBe(`${base}/apps/wells/launch`);
      expect(JSON.parse(smart?.appContext ?? '{}')).toMatchObject({
        card: 'dvt-wells-incomplete',
        patientId: 'p1',
        encounterId: 'e1',
      });
      const launch = ehr.registerLaunch({
        patient: 'p1',
        encounter: 'e1',
        appContext: smart?.appContext,
      });
      launchUrl = `${smart?.url}?iss=${encodeURIComponent(ehr.fhirBaseUrl)}&launch=${launch}`;
    },
  ]);

  steps.push([
    'EHR launch: the app signs in and pre-fills the record item with its source',
    async () => {
      await page.goto(launchUrl);
      await page.waitForSelector('body[data-state="ready"]', { timeout: 20_000 });
      expect(new URL(page.url()).pathname).toBe('/apps/wells/');
      expect(ehr.grantedScope()?.split(' ')).toEqual(
        expect.arrayContaining([
          'launch',
          'openid',
          'fhirUser',
          'patient/QuestionnaireResponse.write',
        ]),
      );
      expect(await page.textContent('#context-line')).toContain('Alex Rivera');
      expect(await page.isChecked(radio('activeCancer', 'true'))).toBe(true);
      expect(await page.textContent('#source-activeCancer')).toContain(
        'In the record: Condition: Malignant neoplasm of breast',
      );
      expect(await page.isChecked(radio('tenderness', 'true'))).toBe(false);
      expect(await page.isChecked(radio('tenderness', 'false'))).toBe(false);
      expect(await page.textContent('#source-tenderness')).toContain('bedside');
      const legends = await page.$$eval('fieldset.item legend', (ls) =>
        ls.map((l) => l.textContent),
      );
      expect(legends).toHaveLength(10);
      expect(legends[9]).toContain('Alternative diagnosis at least as likely as DVT');
      await page.screenshot({ path: join(SHOTS, 'form-tablet.png'), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
    },
  ]);

  steps.push([
    'answering No against the record needs a reason: the save is refused and focus goes to it',
    async () => {
      await page.check(radio('activeCancer', 'false'));
      expect(await page.isVisible('#reason-activeCancer')).toBe(true);
      await page.click('#save');
      expect(await page.isVisible('#form-error')).toBe(true);
      expect(await focusedId()).toBe('reason-activeCancer');
      expect(await page.getAttribute('#reason-activeCancer', 'aria-invalid')).toBe('true');
      await page.keyboard.type('Treated in 2019, in remission; problem list not updated');
    },
  ]);

  steps.push([
    'bedside items by keyboard and clicks; saving writes a completed QuestionnaireResponse',
    async () => {
      // Keyboard: Space selects the focused "Yes", the arrow key moves the choice to "No".
      for (const linkId of ['tenderness', 'entireLegSwollen', 'calfSwelling3cm']) {
        await page.focus(radio(linkId, 'true'));
        await page.keyboard.press('Space');
        await page.keyboard.press('ArrowRight');
        expect(await page.isChecked(radio(linkId, 'false'))).toBe(true);
      }
      for (const linkId of [
        'paralysisOrCast',
        'bedriddenOrSurgery',
        'pittingOedema',
        'collateralVeins',
        'previousDVT',
        'altDxAsLikely',
      ]) {
        await page.click(`#item-${linkId} label:has(input[value="false"])`);
      }
      await page.focus('#save');
      await page.keyboard.press('Enter');
      await page.waitForSelector('body[data-state="done"]', { timeout: 20_000 });
      const written = ehr.resources.filter(
        (r): r is QuestionnaireResponse => r.resourceType === 'QuestionnaireResponse',
      );
      expect(written).toHaveLength(1);
      const qr = written[0];
      expect(qr).toMatchObject({
        status: 'completed',
        questionnaire: 'https://soleus.dev/fhir/Questionnaire/wells-dvt|1.1.0',
        subject: { reference: 'Patient/p1' },
        encounter: { reference: 'Encounter/e1' },
        author: { reference: 'Practitioner/dr-1' },
      });
      expect(Date.now() - Date.parse(qr?.authored ?? '')).toBeLessThan(60_000);
      const answers = Object.fromEntries(
        (qr?.item ?? []).map((i) => [i.linkId, i.answer?.[0]?.valueBoolean]),
      );
      expect(answers).toEqual({
        activeCancer: false,
        paralysisOrCast: false,
        bedriddenOrSurgery: false,
        tenderness: false,
        entireLegSwollen: false,
        calfSwelling3cm: false,
        pittingOedema: false,
        collateralVeins: false,
        previousDVT: false,
        altDxAsLikely: false,
      });
      const cancer = qr?.item?.find((i) => i.linkId === 'activeCancer');
      expect(cancer?.answer?.[0]?.item?.[0]).toMatchObject({
        linkId: 'activeCancer.overrideReason',
        answer: [{ valueString: 'Treated in 2019, in remission; problem list not updated' }],
      });
      expect(ehr.refused).toEqual([]);
    },
  ]);

  steps.push([
    'the app shows the class and next step the service computed; the record item still counts',
    async () => {
      expect(await page.textContent('#wells-class')).toBe(
        'DVT unlikely (Wells 1 or less). Score 1.',
      );
      const next = page.locator('#next-step article[data-card-id="dvt-excluded"] h3');
      expect(await next.textContent()).toMatch(/^Next step: /);
      expect(await page.textContent('#notes')).toContain('the record documents it');
      expect(await focusedId()).toBe('result-title');
      expect(await page.isVisible('#wells-form')).toBe(false);
      await page.click('#next-step article[data-card-id="dvt-excluded"] summary');
      await page.screenshot({ path: join(SHOTS, 'result-tablet.png'), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: join(SHOTS, 'result-phone.png'), fullPage: true });
      const overflow = (await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      )) as number;
      expect(overflow).toBeLessThanOrEqual(0);
    },
  ]);

  steps.push([
    'patient-view with the stored response: the decision card instead of dvt-wells-incomplete',
    async () => {
      const ids = cardIds(await patientView());
      expect(ids).toContain('dvt-excluded');
      expect(ids).not.toContain('dvt-wells-incomplete');
    },
  ]);

  steps.push([
    'raised no page errors',
    async () => {
      expect(pageErrors).toEqual([]);
    },
  ]);
  it(
    'patient-view → launch → bedside items → saved response → the decision card, in order',
    async () => {
      for (const [name, step] of steps) {
        try {
          await step();
        } catch (err) {
          throw new Error(
            `step "${name}" failed: ${err instanceof Error ? err.message : String(err)}`,
            {
              cause: err,
            },
          );
        }
      }
    },
    steps.length * 30_000,
  );
});

describe('launch page without EHR parameters', () => {
  it('offers a standalone launch and refuses a non-URL', async () => {
    const standalone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await standalone.goto(`${base}/apps/wells/launch`);
    await standalone.waitForSelector('#standalone:not([hidden])');
    await standalone.fill('#iss', 'not a url');
    await standalone.click('#standalone button');
    expect(await standalone.isVisible('#iss-error')).toBe(true);
    await standalone.screenshot({ path: join(SHOTS, 'standalone-phone.png'), fullPage: true });
    await standalone.close();
  });
});
