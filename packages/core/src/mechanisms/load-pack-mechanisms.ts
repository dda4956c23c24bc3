/**
 * Loads the mechanism modules a site pack names in its pack.json `mechanisms`. A mechanism is code the
 * service runs, so it is trusted like any dependency; the loader narrows what a pack can ask for:
 * only CommonJS files (`.cjs`) inside the pack's own directory (no absolute path, no `..`, no symlink
 * out), loaded once at start-up, never fetched, never a string evaluated. Each module exports
 * `mechanisms`, an object of name → { compute, requires?, checkParams? }; a name already registered
 * (shipped, host or another pack) is refused, so a site pack cannot replace a shipped computation.
 * At run time a site mechanism that throws or returns no `value` gives an unknown fact and an
 * operator issue, never a crash.
 */
import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Issue } from '../errors';
import type { Fact } from '../facts/fact';
import type { PackManifest } from '../generated/pack-manifest';
import { createIssue } from '../catalog/create-issue';
import type { Mechanism } from './mechanism';

const NAME = /^[a-z][A-Za-z0-9]*$/;

/**
 * Reads a pack's mechanism modules into `registry`, reporting every problem as an issue.
 * @param pack - the pack manifest
 * @param dir - the pack directory
 * @param label - the directory's name in issue locations
 * @param registry - mechanisms registered so far; the pack's are added
 * @returns the issues (SOLEUS_PACK_MECHANISM)
 */
export function loadPackMechanisms(
  pack: PackManifest,
  dir: string,
  label: string,
  registry: Map<string, Mechanism>,
): Issue[] {
  const issues: Issue[] = [];
  (pack.mechanisms ?? []).forEach((file, i) => {
    const where = { file: `${label}/pack.json`, pointer: `/mechanisms/${i}` };
    const fail = (what: string): void => {
      issues.push(createIssue('SOLEUS_PACK_MECHANISM', where.file, where.pointer, what));
    };
    const path = insidePack(dir, file);
    if (path === null) {
      fail(`"${file}": expected a .cjs file inside the pack directory`);
      return;
    }
    let exported: unknown;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous, explicit load of a file the pack names
      exported = (require(path) as { mechanisms?: unknown }).mechanisms;
    } catch (err) {
      fail(`"${file}" does not load: ${(err as Error).message.split('\n')[0] ?? ''}`);
      return;
    }
    if (exported === null || typeof exported !== 'object') {
      fail(
        `"${file}": expected the module to export \`mechanisms\`, an object of name → mechanism`,
      );
      return;
    }
    for (const [name, mechanism] of Object.entries(exported as Record<string, unknown>)) {
      const problem = registry.has(name)
        ? `mechanism "${name}" is already registered; expected a name of the pack's own`
        : !NAME.test(name)
          ? `mechanism name "${name}": expected camelCase letters and digits`
          : !isMechanism(mechanism)
            ? `mechanism "${name}": expected { compute(params, ctx) } (requires and checkParams optional)`
            : null;
      if (problem !== null) {
        fail(`"${file}": ${problem}`);
      } else {
        registry.set(name, guarded(name, pack.id, mechanism as Mechanism));
      }
    }
  });
  return issues;
}

function insidePack(dir: string, file: string): string | null {
  if (isAbsolute(file) || !file.endsWith('.cjs')) {
    return null;
  }
  try {
    const root = realpathSync(dir);
    const path = realpathSync(join(dir, file));
    const rel = relative(root, path);
    return rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)
      ? null
      : path;
  } catch {
    return null;
  }
}

function isMechanism(value: unknown): boolean {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const m = value as Record<string, unknown>;
  return (
    typeof m['compute'] === 'function' &&
    (m['requires'] === undefined || typeof m['requires'] === 'function') &&
    (m['checkParams'] === undefined || typeof m['checkParams'] === 'function')
  );
}

/** A site mechanism that throws or answers without a `value` gives an unknown fact, reported. */
function guarded(name: string, packId: string, mechanism: Mechanism): Mechanism {
  return {
    ...mechanism,
    compute: (params, ctx): Fact => {
      let fact: unknown;
      let why = 'returned no { value }';
      try {
        fact = mechanism.compute(params, ctx);
      } catch (err) {
        why = `threw ${(err as Error).name}`;
      }
      if (fact !== null && typeof fact === 'object' && 'value' in fact) {
        return fact as Fact;
      }
      ctx.issues.add({
        severity: 'warning',
        code: 'SOLEUS_PACK_MECHANISM',
        message: `mechanism "${name}" of pack ${packId} ${why}; the derived fact is unknown`,
        location: { file: `${packId}/pack.json`, pointer: '/mechanisms', path: name },
        audience: 'operator',
      });
      return { value: null };
    },
  };
}
