import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE = require.resolve('axe-core/axe.min.js');

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules, colour contrast included) in a page, from node_modules
 * (offline). The script is evaluated through the DevTools protocol, which the page's CSP (script-src
 * 'self') does not govern, unlike a script tag.
 * @param page - the page, in the state to check
 * @returns one line per violated rule: its id, each failing node's selector and why
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  return (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
       .then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '').split('\\n').join(' ')).join(' | ')))`,
  )) as string[];
}
