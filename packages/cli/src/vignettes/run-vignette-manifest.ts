import { dirname } from 'node:path';
import { CliUsageError, EXIT } from '../cli-io';
import { readJsonFile } from '../read-json-file';
import { checkVignetteCase, type VignetteMismatch } from './check-vignette-case';
import { runVignetteCase, type VignetteContent } from './run-vignette-case';
import { parseVignetteManifest } from './vignette-manifest';

/** The verdict on one vignette case. */
export interface VignetteCaseReport {
  readonly desc: string;
  /** pass, fail (an expectation unmet) or error (bad input: the bundle could not be evaluated). */
  readonly status: 'pass' | 'fail' | 'error';
  readonly mismatches: readonly VignetteMismatch[];
  /** For status error: what `soleus evaluate` said. */
  readonly error?: string;
}

/** The verdict on one manifest; `error` is set (and `cases` empty) when the manifest is malformed. */
export interface VignetteManifestReport {
  readonly file: string;
  readonly rule?: string;
  readonly error?: string;
  /** Coverage gaps: every manifest needs a case where its rule fires and one where it is silent. */
  readonly gaps: readonly string[];
  readonly cases: readonly VignetteCaseReport[];
}

/**
 * Reads, checks and runs every case of one vignette manifest, never throwing for bad input.
 * @param file - path of the manifest.json
 * @param content - rule, fact and value-set directories replacing the bundled content
 * @returns the per-case verdicts, or the manifest's problem
 */
export async function runVignetteManifest(
  file: string,
  content: VignetteContent = {},
): Promise<VignetteManifestReport> {
  let manifest;
  try {
    manifest = parseVignetteManifest(await readJsonFile(file, 'vignette manifest'), file);
  } catch (err) {
    if (err instanceof CliUsageError) {
      return { file, error: err.message, gaps: [], cases: [] };
    }
    throw err;
  }
  const dir = dirname(file);
  const cases: VignetteCaseReport[] = [];
  for (const c of manifest.cases) {
    const run = await runVignetteCase(dir, manifest, c, content);
    if (run.code !== EXIT.ok || !run.response) {
      cases.push({ desc: c.desc, status: 'error', mismatches: [], error: run.stderr.trim() });
      continue;
    }
    const mismatches = checkVignetteCase(manifest.rule, c.expect, run.response.cards);
    cases.push({ desc: c.desc, status: mismatches.length === 0 ? 'pass' : 'fail', mismatches });
  }
  const gaps = [
    ...(manifest.cases.some((c) => c.expect.fires === true)
      ? []
      : ['no case expects the rule to fire']),
    ...(manifest.cases.some((c) => c.expect.fires === false)
      ? []
      : ['no case expects the rule silent']),
  ];
  return { file, rule: manifest.rule, gaps, cases };
}
