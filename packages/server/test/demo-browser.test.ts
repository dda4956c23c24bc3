/**
 * The demo page in a real browser: the app listens on 127.0.0.1 (ephemeral port) with the shipped
 * rule packs, headless Chromium (playwright-core; the browser comes from scripts/find-chromium.ts) loads /demo, runs a DVT
 * patient-view scenario and an NSAID order-sign scenario, and the rendered cards are checked by card id
 * (data-card-id = source.topic.code), indicator class and summary. The server clock is months after
 * the scenarios were written, so the date shift of the sample bundles is exercised end to end.
 * Screenshots go to test-output/demo/ (gitignored). The browser is the Chromium build shipped in the
 * @sparticuz/chromium devDependency (decompressed on first use), or SOLEUS_CHROMIUM; a browser that
 * cannot be found or launched FAILS this suite, it never skips.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_CONTENT, loadRuleSet } from '@soleus/core';
import { buildApp } from '../src/build-app';
import { CHROMIUM_LAUNCH_ARGS, findChromium } from '../../../scripts/find-chromium';

const SHOTS = join(__dirname, '..', '..', '..', 'test-output', 'demo');
/** Well after the scenarios' asOf (2026-11-22T09:00Z): dates are shifted by ~113 days. */
const NOW = new Date('2027-03-15T11:20:00.000Z');

let app: FastifyInstance;
let browser: Browser;
let page: Page;
let base: string;
const pageErrors: string[] = [];

jest.setTimeout(20_000);

beforeAll(async () => {
  const executablePath = await findChromium();
  mkdirSync(SHOTS, { recursive: true });
  app = buildApp({
    ruleSet: await loadRuleSet(DEFAULT_CONTENT),
    clock: () => NOW,
    logLevel: 'silent',
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_LAUNCH_ARGS],
    // A fresh profile per run (playwright's own temporary user-data-dir, removed on close).
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      pageErrors.push(msg.text());
    }
  });
  await page.goto(`${base}/demo`);
  await page.waitForSelector('body[data-state="ready"]');
  // The first run decompresses the bundled browser (a few seconds, longer on a busy machine).
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** Picks a sample patient (its suggested hook and drug come with it), optionally a hook and drug, and calls. */
async function runScenario(patientId: string, hook?: string, drug?: string): Promise<void> {
  await page.selectOption('#patient', patientId);
  if (hook) {
    await page.check(`input[name="hook"][value="${hook}"]`);
  }
  if (drug) {
    await page.selectOption('#drug', drug);
  }
  await page.click('#run');
  await page.waitForSelector('body[data-state="done"]');
}

async function cardIds(): Promise<string[]> {
  return page.$$eval('#cards article.card', (cards) =>
    cards.map((c) => c.getAttribute('data-card-id') ?? ''),
  );
}

async function card(id: string): Promise<{ className: string; summary: string; detail: string }> {
  const node = page.locator(`#cards article[data-card-id="${id}"]`);
  return {
    className: (await node.getAttribute('class')) ?? '',
    summary: (await node.locator('.card__summary').textContent()) ?? '',
    detail: (await node.locator('.card__detail').textContent()) ?? '',
  };
}

describe('demo page scenarios', () => {
  it('DVT likely (patient-view): a critical dvt-likely-imaging card with its summary', async () => {
    await runScenario('dvt-likely');
    expect(await cardIds()).toContain('dvt-likely-imaging');
    const dvt = await card('dvt-likely-imaging');
    expect(dvt.className).toBe('card card--critical');
    expect(dvt.summary).toMatch(/DVT/);
    expect(dvt.detail.length).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'dvt-likely-patient-view.png'), fullPage: true });
  });

  it.each<[string, string, string, 'critical' | null]>([
    ['ibuprofen 600 mg', 'a critical nsaid-contraindicated card', '197806', 'critical'],
    ['naproxen 500 mg', 'a critical nsaid-contraindicated card', '198014', 'critical'],
    ['acetaminophen 500 mg', 'no nsaid-contraindicated card', '198440', null],
  ])('eGFR 29 (order-sign) ordering %s → %s', async (_drug, _expected, code, indicator) => {
    await runScenario('nsaid-renal', 'order-sign', code);
    const ids = await cardIds();
    if (indicator === null) {
      expect(ids).not.toContain('nsaid-contraindicated');
      return;
    }
    expect(ids).toContain('nsaid-contraindicated');
    expect(ids).not.toContain('nsaid-gastroprotection');
    const nsaid = await card('nsaid-contraindicated');
    expect(nsaid.className).toBe(`card card--${indicator}`);
    expect(nsaid.summary).toMatch(/NSAID/i);
    await page.screenshot({ path: join(SHOTS, `nsaid-renal-${code}.png`), fullPage: true });
  });

  it('the request JSON one click away fills every discovery prefetch key and the draft order', async () => {
    await runScenario('nsaid-renal', 'order-select', '197806');
    await page.click('#exchange summary');
    const request = JSON.parse((await page.textContent('#request-json')) ?? '{}') as {
      hook: string;
      prefetch: Record<string, unknown>;
      context: { selections: string[]; draftOrders: { entry: { resource: unknown }[] } };
    };
    const discovery = (await (await fetch(`${base}/cds-services`)).json()) as {
      services: { hook: string; prefetch: Record<string, string> }[];
    };
    const service = discovery.services.find((s) => s.hook === 'order-select');
    expect(request.hook).toBe('order-select');
    expect(Object.keys(request.prefetch).sort()).toEqual(
      Object.keys(service?.prefetch ?? {}).sort(),
    );
    expect(request.prefetch.patient).toMatchObject({ resourceType: 'Patient' });
    expect(request.context.selections).toEqual(['MedicationRequest/demo-draft-1']);
    expect(request.context.draftOrders.entry[0]?.resource).toMatchObject({
      resourceType: 'MedicationRequest',
      status: 'draft',
      medicationCodeableConcept: { coding: [{ code: '197806' }] },
    });
    expect(await page.textContent('#response-status')).toBe('HTTP 200');
    await page.screenshot({ path: join(SHOTS, 'order-select-exchange.png'), fullPage: true });
  });

  it('Dismiss records the override on the card and disables its actions', async () => {
    await runScenario('dvt-likely');
    const first = page.locator('#cards article.card').first();
    await first.locator('.card__override button').click();
    expect(await first.locator('.card__outcome').textContent()).toMatch(/^Overridden/);
    expect(await first.locator('.card__override button').isDisabled()).toBe(true);
  });

  it('a suggestion button records the acceptance and disables the other suggestions', async () => {
    await runScenario('dvt-likely');
    const dvt = page.locator('#cards article[data-card-id="dvt-likely-imaging"]');
    const buttons = dvt.locator('.card__actions > button');
    expect(await buttons.count()).toBeGreaterThanOrEqual(1);
    const label = (await buttons.first().textContent()) ?? '';
    await buttons.first().click();
    expect(await dvt.locator('.card__outcome').textContent()).toContain(`Accepted "${label}"`);
    expect(await buttons.last().isDisabled()).toBe(true);
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('renderMarkdown (the page markdown renderer) escapes before it formats', () => {
  it.each([
    ['bold and italic', '**stop** and *wait*', '<p><strong>stop</strong> and <em>wait</em></p>'],
    ['inline code', 'dose `600 mg`', '<p>dose <code>600 mg</code></p>'],
    ['bullet list', '- one\n- two', '<ul><li>one</li><li>two</li></ul>'],
    ['numbered list', '1. one\n2. two', '<ol><li>one</li><li>two</li></ol>'],
    [
      'https link',
      '[NICE NG158](https://www.nice.org.uk/guidance/ng158)',
      '<p><a href="https://www.nice.org.uk/guidance/ng158" target="_blank" rel="noopener noreferrer">NICE NG158</a></p>',
    ],
    [
      'raw HTML is text',
      '<img src=x onerror=alert(1)>',
      '<p>&lt;img src=x onerror=alert(1)&gt;</p>',
    ],
    ['javascript: link stays text', '[x](javascript:alert(1))', '<p>[x](javascript:alert(1))</p>'],
    [
      'quotes cannot break out of href',
      '[x](https://a.example/"onmouseover="alert(1))',
      '<p><a href="https://a.example/&quot;onmouseover=&quot;alert(1" target="_blank" rel="noopener noreferrer">x</a>)</p>',
    ],
    ['HTML inside code is escaped', '`<b>`', '<p><code>&lt;b&gt;</code></p>'],
  ])('%s', async (_name, markdown, html) => {
    const out = await page.evaluate(
      (md) => (globalThis as unknown as { renderMarkdown(m: string): string }).renderMarkdown(md),
      markdown,
    );
    expect(out).toBe(html);
  });
});
