/**
 * Runs the Express example on 127.0.0.1:3001 (loopback only: this example has no authentication).
 */
import { DEFAULT_CONTENT, loadRuleSet } from '@soleus/core';
import { buildExpressApp } from './app';

/**
 * Loads the bundled rule packs and listens.
 * @returns nothing; logs the address
 */
export async function start(): Promise<void> {
  const ruleSet = await loadRuleSet(DEFAULT_CONTENT);
  // eslint-disable-next-line no-restricted-syntax -- allow-clock: this transport supplies `now`
  const app = buildExpressApp(ruleSet, () => new Date()); // allow-clock: the example's entry point supplies now
  app.listen(Number(process.env['PORT'] ?? 3001), '127.0.0.1', () => {
    process.stdout.write('Soleus Express example on http://127.0.0.1:3001/cds-services\n');
  });
}

if (require.main === module) {
  void start();
}
