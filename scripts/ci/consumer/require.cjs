// CommonJS consumer: every package and its exported content load with require(); a shipped demo
// patient evaluates to the expected card; the server's compiled code never requires jose.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const core = require('@soleus/core');
const fhir = require('@soleus/fhir');
const server = require('@soleus/server');
const cli = require('@soleus/cli');

assert.equal(typeof core.loadRuleSet, 'function');
assert.equal(typeof fhir.evaluateRecord, 'function');
assert.equal(typeof server.buildApp, 'function');
assert.equal(typeof cli.runCli, 'function');
for (const content of [
  '@soleus/core/package.json',
  '@soleus/core/schema/rule.schema.json',
  '@soleus/core/rules/dvt/pack.json',
  '@soleus/core/facts/dvt.facts.json',
  '@soleus/core/valuesets/README.md',
  '@soleus/core/codesystems/card.codesystem.json',
  '@soleus/core/questionnaires/wells-dvt.questionnaire.json',
  '@soleus/core/data/analytes.json',
  '@soleus/fhir/schema/cds-response.schema.json',
  '@soleus/fhir/data/rxnorm-index.json',
  '@soleus/server/demo-data/patients.json',
  '@soleus/server/demo/index.html',
  '@soleus/server/apps/wells/index.html',
]) {
  require.resolve(content);
}
// The server bundles jose as CommonJS: none of its compiled files may require the ESM-only package.
const serverDist = path.join(path.dirname(require.resolve('@soleus/server')));
const requiresJose = fs
  .readdirSync(serverDist, { recursive: true })
  .filter((file) => String(file).endsWith('.js'))
  .filter((file) =>
    /require\(["']jose["']\)/.test(fs.readFileSync(path.join(serverDist, String(file)), 'utf8')),
  );
assert.deepEqual(requiresJose, []);

(async () => {
  const ruleSet = await core.loadRuleSet(core.DEFAULT_CONTENT);
  const bundle = require('@soleus/server/demo-data/dvt-likely-no-scan.bundle.json');
  const outcome = await fhir.evaluateRecord(fhir.recordFromBundle(bundle, 'bundle'), {
    ruleSet,
    hook: 'patient-view',
    now: '2026-11-22T09:00:00Z',
  });
  const ids = outcome.response.cards.map((c) => c.source.topic && c.source.topic.code);
  assert.ok(ids.includes('dvt-likely-imaging'), `cards: ${ids.join(', ')}`);
  assert.deepEqual(fhir.validateCdsResponse(outcome.response), []);
  console.log(
    `require.cjs (${process.version}): ${ruleSet.contentVersion}; cards ${ids.join(', ')}`,
  );
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
