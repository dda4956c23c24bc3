/**
 * The demo page in a real browser: the app listens on 127.0.0.1 (ephemeral port) with the shipped
 * rule packs, headless Chromium (playwright-core; the browser comes from scripts/find-chromium.ts) loads /demo, runs a DVT
 * patient-view scenario and an NSAID order-sign scenario, and the rendered cards are checked by card id
 * (data-card-id = source.topic.code), indicator class and summary. The server clock is months after
 * the scenarios were written, so the date shift of the sample bundles is exercised end to end.
 * Suggestion and override clicks post real CDS Hooks feedback and the page shows the service's
 * summary; at phone widths (360 and 390 px) the page never scrolls sideways and a call's cards come
 * into view without scrolling past the form; axe-core (from node_modules) checks WCAG 2 A/AA, colour
 * contrast included, with cards of every indicator on screen. Screenshots at phone and desktop width
 * go to test-output/demo/ (gitignored). The browser is the Chromium build shipped in the
 * @sparticuz/chromium devDependency (decompressed on first use), or SOLEUS_CHROMIUM; a browser that
 * cannot be found or launched FAILS this suite, it never skips.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_CONTENT, loadRuleSet } from '@soleus/core';
import { buildApp } from '../src/build-app';
import { axeViolations } from './support/axe-violations';
import { CHROMIUM_LAUNCH_ARGS, findChromium } from '../../../scripts/find-chromium';

const SHOTS = join(__dirname, '..', '..', '..', 'test-output', 'demo');
const DESKTOP = { width: 1280, height: 900 };
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
  page = await browser.newPage({ viewport: DESKTOP });
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

  it('Dismiss with a reason posts overridden feedback, which the service summary counts', async () => {
    await runScenario('dvt-likely');
    const before = await summaryOf('soleus-patient-view', 'dvt-likely-imaging');
    const dvt = page.locator('#cards article[data-card-id="dvt-likely-imaging"]');
    await dvt.locator('.card__override select').selectOption({ index: 1 });
    await dvt.locator('.card__override button').click();
    await expect_(dvt.locator('.card__outcome'), /Feedback recorded by the service\.$/);
    expect(await dvt.locator('.card__outcome').textContent()).toMatch(/^Overridden \(reason: /);
    expect(await dvt.locator('.card__override button').isDisabled()).toBe(true);
    const after = await summaryOf('soleus-patient-view', 'dvt-likely-imaging');
    expect(after.overridden).toBe(before.overridden + 1);
    // The page shows the service's summary: the row of this card counts the override.
    const row = page.locator('#feedback-summary tr[data-rule-id="dvt-likely-imaging"] td');
    expect(await row.nth(3).textContent()).toBe(String(after.overridden));
  });

  it('a suggestion button posts accepted feedback naming the suggestion and disables the others', async () => {
    await runScenario('dvt-likely');
    const before = await summaryOf('soleus-patient-view', 'dvt-likely-imaging');
    const dvt = page.locator('#cards article[data-card-id="dvt-likely-imaging"]');
    const buttons = dvt.locator('.card__actions > button');
    expect(await buttons.count()).toBeGreaterThanOrEqual(1);
    const label = (await buttons.first().textContent()) ?? '';
    await buttons.first().click();
    await expect_(dvt.locator('.card__outcome'), /Feedback recorded by the service\.$/);
    expect(await dvt.locator('.card__outcome').textContent()).toContain(`Accepted "${label}"`);
    expect(await buttons.last().isDisabled()).toBe(true);
    const after = await summaryOf('soleus-patient-view', 'dvt-likely-imaging');
    expect(after.accepted).toBe(before.accepted + 1);
    const row = page.locator('#feedback-summary tr[data-rule-id="dvt-likely-imaging"] td');
    expect(await row.nth(2).textContent()).toBe(String(after.accepted));
  });

  it('meets WCAG 2 A/AA (axe-core, colour contrast included) with critical, warning and info cards on screen', async () => {
    const seen = new Set<string>();
    const violations: string[] = [];
    for (const [patient, hook, drug] of [
      ['dvt-likely', undefined, undefined],
      ['dvt-ddimer', undefined, undefined],
      ['nsaid-renal', 'order-sign', '197806'],
      ['gabapentin-opioid', 'order-sign', '310431'],
      ['cramps-thiazide', undefined, undefined],
    ] as const) {
      await runScenario(patient, hook, drug);
      const indicators = await page.$$eval('#cards article.card', (cards) =>
        cards.map((c) => c.getAttribute('data-indicator') ?? ''),
      );
      indicators.forEach((i) => seen.add(i));
      violations.push(...(await axeViolations(page)).map((v) => `${patient}: ${v}`));
    }
    expect(violations).toEqual([]);
    expect([...seen].sort()).toEqual(['critical', 'info', 'warning']);
  });

  it('raised no page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe.each([360, 390])('demo page on a %i px phone', (width) => {
  beforeAll(async () => {
    await page.setViewportSize({ width, height: 780 });
  });

  afterAll(async () => {
    await page.setViewportSize(DESKTOP);
  });

  it.each([
    ['dvt-likely', undefined, undefined],
    ['nsaid-renal', 'order-sign', '197806'],
  ] as const)(
    '%s: no horizontal scroll, and the cards come into view without scrolling past the form',
    async (patient, hook, drug) => {
      await runScenario(patient, hook, drug);
      expect(await horizontalOverflow()).toEqual([]);
      const first = await page.locator('#cards article.card').first().boundingBox();
      expect(first).not.toBeNull();
      expect(first?.y ?? -1).toBeGreaterThanOrEqual(0);
      expect(first?.y ?? Infinity).toBeLessThan(780 / 2);
      expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(
        'cards-title',
      );
      await page.screenshot({ path: join(SHOTS, `phone-${width}-${patient}.png`) });
    },
  );

  it('wraps long tokens (ids, URLs, drug names) instead of widening the page', async () => {
    const token = 'x'.repeat(180);
    await page.evaluate(
      (long) =>
        (globalThis as unknown as { renderCards(cards: unknown[]): void }).renderCards([
          {
            uuid: 'u1',
            summary: `Summary ${long}`,
            detail: `Detail ${long} https://example.org/${long}\n- item ${long}`,
            indicator: 'warning',
            source: { label: `Source ${long}`, topic: { code: long } },
            suggestions: [{ uuid: 's1', label: `Suggestion ${long}`, actions: [] }],
          },
        ]),
      token,
    );
    expect(await horizontalOverflow()).toEqual([]);
  });
});

describe('demo page at desktop width', () => {
  it('shows form and cards side by side (screenshot)', async () => {
    await runScenario('nsaid-renal', 'order-sign', '197806');
    const form = await page.locator('#controls').boundingBox();
    const cards = await page.locator('#cards').boundingBox();
    expect((cards?.x ?? 0) > (form?.x ?? 0) + (form?.width ?? 0) - 1).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'desktop-1280-nsaid-renal.png'), fullPage: true });
  });
});

/** The service's own feedback summary line of one rule (the page must agree with it). */
async function summaryOf(
  serviceId: string,
  ruleId: string,
): Promise<{ accepted: number; overridden: number }> {
  const res = await fetch(`${base}/cds-services/${serviceId}/feedback/summary`);
  const body = (await res.json()) as {
    rules: { ruleId: string; accepted: number; overridden: number }[];
  };
  const rule = body.rules.find((r) => r.ruleId === ruleId);
  return { accepted: rule?.accepted ?? 0, overridden: rule?.overridden ?? 0 };
}

/** Waits until a locator's text matches. */
async function expect_(locator: ReturnType<Page['locator']>, pattern: RegExp): Promise<void> {
  await locator.filter({ hasText: pattern }).waitFor({ timeout: 10_000 });
}

/** Elements wider than the viewport, and whether the page itself scrolls sideways. */
async function horizontalOverflow(): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > width) {
      out.push('page scrolls sideways: ' + document.documentElement.scrollWidth + ' > ' + width);
    }
    for (const node of document.querySelectorAll('body *')) {
      const box = node.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 1 && !node.closest('pre, details:not([open])')) {
        out.push(node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + '.' + node.className + ' right ' + Math.round(box.right));
      }
    }
    return out.slice(0, 10);
  })()`)) as string[];
}
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
