import type { Issue } from '../errors';
import type { FactDefinition } from '../generated/fact-catalogue-file';
import type { PackManifest } from '../generated/pack-manifest';
import type { MechanismRegistry, PackParameters } from './mechanism';

/**
 * Runs each registered mechanism's `checkParams` over every derived fact that names it, at load, so a
 * typo in a source `params` or a pack parameter fails `soleus validate` rather than a request. A
 * derivation name no registered mechanism answers is left to the host adapter, which may register
 * record-reading mechanisms of its own.
 * @param facts - the fact catalogue
 * @param packs - pack manifests by id (their `parameters`)
 * @param mechanisms - the registry
 * @returns one error per fault, each naming the fact
 */
export function checkMechanismParams(
  facts: ReadonlyMap<string, FactDefinition>,
  packs: ReadonlyMap<string, PackManifest>,
  mechanisms: MechanismRegistry,
): Issue[] {
  const pack: PackParameters = (id) => packs.get(id)?.parameters ?? {};
  const issues: Issue[] = [];
  for (const [name, definition] of facts) {
    const source = definition.source as { kind?: unknown; derivation?: unknown; params?: unknown };
    if (source.kind !== 'derived' || typeof source.derivation !== 'string') {
      continue;
    }
    const mechanism = mechanisms.get(source.derivation);
    const params = (source.params ?? {}) as Readonly<Record<string, unknown>>;
    for (const issue of mechanism?.checkParams?.(params, pack) ?? []) {
      issues.push({
        ...issue,
        severity: 'error',
        message: `fact ${name} (${source.derivation}): ${issue.message}`,
        location: issue.location ?? { pointer: `/facts/${name}/source/params` },
      });
    }
  }
  return issues;
}
