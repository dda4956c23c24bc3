// Type-checked (not run) under module node16 (CommonJS, and as a copy types.mts, ESM) and bundler.
import { DEFAULT_CONTENT, loadRuleSet, type RuleSet } from '@soleus/core';
import { evaluateRecord, recordFromBundle, type CdsResponse, type Hook } from '@soleus/fhir';
import { buildApp, type AuthOptions, type JsonWebKeySet, type ServerOptions } from '@soleus/server';
import { EXIT, runCli, type CliIo } from '@soleus/cli';

export async function consume(bundle: unknown, hook: Hook): Promise<CdsResponse> {
  const ruleSet: RuleSet = await loadRuleSet(DEFAULT_CONTENT);
  const jwks: JsonWebKeySet = { keys: [{ kty: 'EC', crv: 'P-384', x: 'x', y: 'y', kid: 'k' }] };
  const auth: AuthOptions = { issuers: [{ iss: 'https://ehr.example.org', jwks }] };
  const options: ServerOptions = { ruleSet, auth, publicBaseUrl: 'https://cds.example.org' };
  await buildApp(options).close();
  const io: CliIo = {
    stdout: () => undefined,
    stderr: () => undefined,
    now: () => '2026-11-22T09:00:00Z',
  };
  const code: number = await runCli(['--version'], io);
  if (code !== EXIT.ok) {
    throw new Error(`soleus --version exited ${code}`);
  }
  const outcome = await evaluateRecord(recordFromBundle(bundle, 'bundle'), {
    ruleSet,
    hook,
    now: '2026-11-22T09:00:00Z',
  });
  return outcome.response;
}
