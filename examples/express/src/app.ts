/**
 * Soleus in Express: the transport-neutral `handleCdsRequest` does everything CDS Hooks needs
 * (validation, prefetch, 412, OperationOutcome errors); the framework only maps status and body.
 * This is the ~10-line core an integrator copies. Add authentication (client JWT, see
 * docs/guides/integrating.md), CORS and a body limit before exposing it; `@soleus/server` has them.
 */
import express, { type Express } from 'express';
import type { RuleSet } from '@soleus/core';
import { buildDiscovery, handleCdsRequest } from '@soleus/fhir';

/**
 * Builds an Express app serving discovery and the CDS services of a rule set.
 * @param ruleSet - the loaded rule packs (`loadRuleSet(DEFAULT_CONTENT)`)
 * @param clock - the evaluation clock (the transport supplies `now`)
 * @returns the app; call `listen` on it
 */
export function buildExpressApp(ruleSet: RuleSet, clock: () => Date): Express {
  const app = express();
  app.use(express.json({ limit: '10mb' }));
  app.get('/cds-services', (_req, res) => {
    res.json(buildDiscovery(ruleSet));
  });
  app.post('/cds-services/:id', (req, res, next) => {
    const now = clock().toISOString();
    handleCdsRequest(req.params.id, req.body, { ruleSet, now }).then((result) => {
      if (result.internalError) {
        // A 500: type and stack frames only, never request data (log it your way).
        console.error(JSON.stringify({ msg: 'soleus internal error', err: result.internalError }));
      }
      res.status(result.status).json(result.body);
    }, next); // never rejects (handleCdsRequest does not throw); Express 4 needs it for async errors
  });
  return app;
}
