import { join } from 'node:path';
import type { RuleSet } from '@soleus/core';
import { type CliIo, CliUsageError, EXIT } from '../cli-io';
import { evaluateCommand } from '../commands/evaluate-command';
import type { VignetteCase, VignetteManifest } from './vignette-manifest';

/** The parts of a CDS Hooks card a vignette checks. */
export interface VignetteCard {
  readonly summary: string;
  readonly detail?: string;
  readonly suggestions?: readonly { readonly label: string }[];
  readonly links?: readonly { readonly label: string }[];
  readonly indicator: string;
  readonly source: { readonly topic?: { readonly code: string } };
}

/**
 * Content to evaluate with instead of the bundled one (`--rules`, `--facts`, `--valuesets`, and the
 * medication index `--rxnorm-index`).
 */
export interface VignetteContent {
  readonly rules?: string;
  readonly facts?: string;
  readonly valuesets?: string;
  readonly 'rxnorm-index'?: string;
  /**
   * The rule set already loaded from these directories (loadRuleSet), so a run of many cases loads the
   * content once; without it every case loads it.
   */
  readonly ruleSet?: RuleSet;
}

/** What `soleus evaluate` did with one vignette case. */
export interface VignetteCaseRun {
  /** Exit code of `soleus evaluate`: 0 ok, 2 bad input (e.g. SOLEUS_FHIR_NOT_A_BUNDLE). */
  readonly code: number;
  /** What the command wrote to stderr (empty on success). */
  readonly stderr: string;
  /** The parsed CDS Hooks response; absent when the command failed. */
  readonly response?: { readonly cards: readonly VignetteCard[] };
}

/**
 * Runs one vignette case through `soleus evaluate` in-process, so `soleus test`, CI and the acceptance
 * suite share one mechanism.
 * @param dir - the manifest's folder (bundle paths are relative to it)
 * @param manifest - the manifest, for the default hook and now
 * @param c - the case
 * @param content - rule, fact and value-set directories replacing the bundled content
 * @returns the exit code, stderr and the parsed response
 */
export async function runVignetteCase(
  dir: string,
  manifest: VignetteManifest,
  c: VignetteCase,
  content: VignetteContent = {},
): Promise<VignetteCaseRun> {
  const now = c.now ?? manifest.now;
  const args = ['--hook', c.hook ?? manifest.hook, '--bundle', join(dir, c.bundle), '--now', now];
  if (c.draftOrders) {
    args.push('--draft-orders', join(dir, c.draftOrders));
  }
  if (c.selections) {
    args.push('--selections', c.selections.join(','));
  }
  if (c.patient) {
    args.push('--patient', c.patient);
  }
  for (const key of ['rules', 'facts', 'valuesets', 'rxnorm-index'] as const) {
    const dirOf = content[key];
    if (dirOf !== undefined) {
      args.push(`--${key}`, dirOf);
    }
  }
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (t) => (out += t), stderr: (t) => (err += t), now: () => now };
  let code: number;
  try {
    code = await evaluateCommand(args, io, content.ruleSet);
  } catch (e) {
    if (!(e instanceof CliUsageError)) {
      throw e;
    }
    return { code: EXIT.usage, stderr: `${err}soleus evaluate: ${e.message}\n` };
  }
  if (code !== EXIT.ok) {
    return { code, stderr: err };
  }
  return { code, stderr: err, response: JSON.parse(out) as { cards: VignetteCard[] } };
}
