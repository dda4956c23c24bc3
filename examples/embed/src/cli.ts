/**
 * `node dist/cli.js <bundle.json> [now]`: prints the cards a Bundle would get on patient-view.
 */
import { readFileSync } from 'node:fs';
import { evaluateBundle } from './evaluate-bundle';

/**
 * Reads a Bundle file and prints the CDS response.
 * @param args - the bundle path and an optional ISO instant
 * @returns the exit code
 */
export async function run(args: readonly string[]): Promise<number> {
  const [path, now] = args;
  if (!path || !now) {
    process.stderr.write(
      'usage: node dist/cli.js <bundle.json> <now, e.g. 2026-01-15T10:00:00Z>\n',
    );
    return 2;
  }
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  const result = await evaluateBundle(bundle, 'patient-view', now);
  process.stdout.write(`${JSON.stringify(result.response, null, 2)}\n`);
  return 0;
}

if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(
        `${(err as { code?: string }).code ?? 'error'}: ${(err as Error).message}\n`,
      );
      process.exit(1);
    },
  );
}
