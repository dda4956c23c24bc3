// ESM consumer: named imports from the CommonJS packages (cjs-module-lexer) and JSON content through
// the exports map with import attributes.
import assert from 'node:assert/strict';
import { DEFAULT_CONTENT, loadRuleSet } from '@soleus/core';
import { HOOKS, buildDiscovery } from '@soleus/fhir';
import { buildApp, createJwtVerifier } from '@soleus/server';
import { runCli } from '@soleus/cli';
import facts from '@soleus/core/facts/dvt.facts.json' with { type: 'json' };
import patients from '@soleus/server/demo-data/patients.json' with { type: 'json' };

assert.equal(typeof createJwtVerifier, 'function');
assert.equal(typeof runCli, 'function');
assert.ok(facts.facts.length > 0);
assert.ok(Array.isArray(patients.patients) && patients.patients.length > 0);
const ruleSet = await loadRuleSet(DEFAULT_CONTENT);
assert.equal(buildDiscovery(ruleSet).services.length, HOOKS.length);
const app = buildApp({ ruleSet, logLevel: 'silent' });
const res = await app.inject({ method: 'GET', url: '/health' });
assert.equal(res.statusCode, 200);
await app.close();
console.log(`import.mjs (${process.version}): ${HOOKS.join(', ')}`);
