/**
 * One replica as a real process: `node packages/server/dist/bin.js` (the `soleus-server` bin, built by
 * `pnpm test:postgres`) with the given environment, on a free loopback port announced by its JSON
 * "listening" log line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const BIN = join(__dirname, '..', '..', '..', 'dist', 'bin.js');

/** A running replica. */
export interface Replica {
  readonly base: string;
  readonly pid: number;
  /** Every JSON log line so far. */
  readonly logs: Record<string, unknown>[];
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts a replica and waits until it listens.
 * @param env - its whole environment (PATH is added)
 * @returns the replica
 */
export async function startReplica(env: Record<string, string>): Promise<Replica> {
  const child = spawn(process.execPath, [BIN], {
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const entry = parse(line);
      logs.push(entry);
      if (entry['msg'] === 'soleus CDS Hooks service listening') {
        resolve(Number(entry['port']));
      }
    });
    void exited.then((code) =>
      reject(new Error(`replica exited with ${code}: ${JSON.stringify(logs)}`)),
    );
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid ?? 0,
    logs,
    stop: () => stop(child, exited),
  };
}

function parse(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { text: line };
  }
}

function stop(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
  }
  return exited;
}
