// Loads the built packages (run `tsc -b` first; `pnpm bench` does) and the shipped rule packs.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The compiled @soleus/core, @soleus/fhir and @soleus/server entry points. */
export const core = require('../packages/core/dist/index.js');
export const fhir = require('../packages/fhir/dist/index.js');

/** Requires a dependency as the server package sees it (fastify lives in packages/server). */
export const requireFromServer = createRequire(
  new URL('../packages/server/package.json', import.meta.url),
);

/** Loads the server package lazily (it starts nothing on import). */
export const loadServer = () => require('../packages/server/dist/index.js');

/**
 * Loads every rule pack shipped in packages/core (whatever packs exist when the bench runs).
 * @returns {Promise<object>} the RuleSet
 */
export const loadShippedRuleSet = () => core.loadRuleSet(core.DEFAULT_CONTENT);
