import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModuleKind, ScriptTarget, transpileModule } from 'typescript';
import type { DocBlock } from './extract-doc-blocks';
import { matchTranscript } from './match-transcript';
import { parseConsoleBlock } from './parse-console-block';

/** Where a document's runnable blocks run. */
export interface DocBlockContext {
  /** The repository root: shell and console blocks run here, against the repo's own files. */
  readonly repoRoot: string;
  /**
   * A scratch directory under the repo root for the document's JS/TS snippets, shared by the
   * snippets of one document in order (one may read what an earlier one wrote). Bare imports
   * resolve from the repo root's node_modules, so `jose` and `@soleus/*` work as for a user.
   */
  readonly workDir: string;
}

const TIMEOUT_MS = 120_000;

/**
 * Runs one runnable block and checks it: shell blocks must end with the block's exit code (default
 * 0); console transcripts must print what they show (`…` lines match anything); JS and TS snippets
 * run as ES modules with Node and must exit 0.
 * @param block - a block marked runnable
 * @param ctx - repo root and scratch directory
 * @returns undefined on success, else what went wrong with the command's output
 */
export function runDocBlock(block: DocBlock, ctx: DocBlockContext): string | undefined {
  switch (block.lang) {
    case 'sh':
    case 'bash':
      return checkExit(block, shell(block.code, ctx.repoRoot), block.code);
    case 'console':
      return runConsole(block, ctx);
    case 'js':
    case 'mjs':
    case 'ts':
      return runSnippet(block, ctx);
    default:
      return `a ${block.lang || 'plain'} block cannot be runnable`;
  }
}

interface Ran {
  readonly status: number | null;
  readonly output: string;
}

function shell(script: string, cwd: string): Ran {
  // One stream, as a terminal shows it; pipefail so a failing left side of a pipe counts.
  return spawn('bash', ['-e', '-o', 'pipefail', '-c', `exec 2>&1\n${script}`], cwd);
}

/** The environment of a user's shell: without the npm_/pnpm_ variables a `pnpm test` run sets. */
function userEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)),
  );
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0' };
}

function spawn(command: string, args: string[], cwd: string): Ran {
  const r = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    env: userEnv(),
  });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function checkExit(block: DocBlock, ran: Ran, what: string): string | undefined {
  return ran.status === block.exit
    ? undefined
    : `exit ${String(ran.status)} (expected ${block.exit}) from:\n${what}\n--- output:\n${ran.output}`;
}

function runConsole(block: DocBlock, ctx: DocBlockContext): string | undefined {
  for (const step of parseConsoleBlock(block.code)) {
    const ran = shell(step.command, ctx.repoRoot);
    const failed = checkExit(block, ran, step.command);
    if (failed !== undefined) {
      return failed;
    }
    const shown = ran.output.split(`${ctx.repoRoot}/`).join('').split(ctx.repoRoot).join('.');
    const differs = matchTranscript(step.output, shown);
    if (differs !== undefined) {
      return `$ ${step.command}\n${differs}`;
    }
  }
  return undefined;
}

function runSnippet(block: DocBlock, ctx: DocBlockContext): string | undefined {
  const named = /^\/\/ ([\w.-]+)\.m?[jt]s\b/.exec(block.code)?.[1];
  const file = `${named ?? `snippet-line-${block.line}`}.mjs`;
  const source =
    block.lang === 'ts'
      ? transpileModule(block.code, {
          compilerOptions: { module: ModuleKind.ESNext, target: ScriptTarget.ES2022 },
        }).outputText
      : block.code;
  mkdirSync(ctx.workDir, { recursive: true });
  writeFileSync(join(ctx.workDir, file), source);
  return checkExit(block, spawn(process.execPath, [file], ctx.workDir), block.code);
}
