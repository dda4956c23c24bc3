/**
 * The process as an operator runs it. `pnpm start` must hand the signal to the server: SIGTERM to the
 * start command closes the server gracefully (JSON log lines for both steps), the start command exits 0
 * and no server process is left behind (before the bin was exec'd, pnpm died and orphaned node). A
 * start that fails is one JSON log line with every problem, then exit 1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TEST_CONTENT } from './support/test-rule-set';

const REPO = join(__dirname, '..', '..', '..');
const BIN = join(__dirname, '..', 'dist', 'bin.js');

/** The inherited environment without SOLEUS_* (the developer's own settings must not leak in). */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const entries = Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith('SOLEUS_'),
  );
  return { ...Object.fromEntries(entries), ...extra };
}

interface Running {
  readonly child: ChildProcess;
  readonly lines: Record<string, unknown>[];
  readonly exit: Promise<number | null>;
}

function run(command: string, args: string[], env: Record<string, string>): Running {
  const child = spawn(command, args, {
    cwd: REPO,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    if (line.startsWith('{')) {
      lines.push(JSON.parse(line) as Record<string, unknown>);
    }
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, lines, exit };
}

async function waitFor(
  running: Running,
  msg: string,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = running.lines.find((l) => l['msg'] === msg);
    if (line) {
      return line;
    }
    if (Date.now() > deadline || running.child.exitCode !== null) {
      throw new Error(`no "${msg}" log line; got ${JSON.stringify(running.lines)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('pnpm start', () => {
  it('SIGTERM to the start command closes the server gracefully and leaves no orphan', async () => {
    const started = run('pnpm', ['start'], {
      PORT: '0',
      HOST: '127.0.0.1',
      SOLEUS_CONTENT_RULES_DIR: TEST_CONTENT.rulesDir,
      SOLEUS_CONTENT_FACTS_DIR: TEST_CONTENT.factsDir,
    });
    let serverPid = 0;
    try {
      const listening = await waitFor(started, 'soleus CDS Hooks service listening', 60_000);
      serverPid = Number(listening['pid']);
      expect(serverPid).not.toBe(started.child.pid);
      const health = await fetch(`http://127.0.0.1:${String(listening['port'])}/health`);
      expect(health.status).toBe(200);

      started.child.kill('SIGTERM');
      expect(await started.exit).toBe(0);
      expect(started.lines.map((l) => l['msg'])).toEqual(
        expect.arrayContaining([
          'closing soleus server: finishing in-flight calls',
          'soleus server closed',
        ]),
      );
      expect(alive(serverPid)).toBe(false);
    } finally {
      // On failure, end what this test started (by pid), so an orphan cannot outlive the run.
      for (const pid of [started.child.pid ?? 0, serverPid]) {
        if (pid > 0 && alive(pid)) {
          process.kill(pid, 'SIGKILL');
        }
      }
    }
  }, 90_000);
});

describe('soleus-server bin', () => {
  it('a failed start is one JSON log line with the code and every problem, then exit 1', async () => {
    const failed = run(process.execPath, [BIN], { PORT: 'abc', SOLEUS_LOG_LEVL: 'debug' });
    expect(await failed.exit).toBe(1);
    expect(failed.lines).toEqual([
      expect.objectContaining({
        level: 60,
        msg: 'soleus server failed to start',
        err: {
          code: 'SOLEUS_SERVER_CONFIG',
          issues: [
            expect.stringContaining(
              'SOLEUS_LOG_LEVL: expected a known setting (did you mean "SOLEUS_LOG_LEVEL"?)',
            ),
            'PORT: expected an integer; found "abc"',
          ],
        },
      }),
    ]);
  }, 30_000);
});
