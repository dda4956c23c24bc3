import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { CliUsageError } from '../cli-io';
import { requireStdin, STDIN_PATH } from '../read-json-file';
import type { PopulationItem } from './population-item';

/**
 * Checks that a population path is a folder, an .ndjson file or `-` (NDJSON on standard input), and
 * counts a folder's bundles.
 * @param path - a folder, an .ndjson file or `-`
 * @returns the number of bundle files, or undefined for an NDJSON stream (not read twice)
 * @throws {CliUsageError} when the path is missing or neither
 */
export function inspectPopulation(path: string): number | undefined {
  if (path === STDIN_PATH) {
    return undefined;
  }
  if (!existsSync(path)) {
    throw new CliUsageError(`population ${path} does not exist`);
  }
  if (statSync(path).isDirectory()) {
    return listJsonFiles(path).length;
  }
  if (!path.endsWith('.ndjson')) {
    throw new CliUsageError(
      `population must be a folder of bundles or an .ndjson file, found ${basename(path)}`,
    );
  }
  return undefined;
}

/**
 * Streams a population: every `*.json` file of a folder tree (one bundle each), or every non-empty line
 * of an `.ndjson` file or of standard input for `-` (one bundle per line).
 * @param path - a folder, an .ndjson file or `-`
 * @param stdin - standard input, for `-`
 * @returns the items, in sorted file order or line order
 * @throws {CliUsageError} when the path is neither
 */
export async function* readPopulation(
  path: string,
  stdin?: Readable,
): AsyncGenerator<PopulationItem> {
  if (path === STDIN_PATH) {
    yield* readNdjson(requireStdin(stdin), 'stdin');
    return;
  }
  if (inspectPopulation(path) === undefined) {
    yield* readNdjson(createReadStream(path, 'utf8'), basename(path));
    return;
  }
  let index = 0;
  for (const file of listJsonFiles(path)) {
    yield { index: index++, label: relative(path, file), text: readFileSync(file, 'utf8') };
  }
}

async function* readNdjson(input: Readable, name: string): AsyncGenerator<PopulationItem> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let index = 0;
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() !== '') {
      yield { index: index++, label: `${name}:${line}`, text };
    }
  }
}

function listJsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => !d.name.startsWith('.') && d.name !== 'node_modules')
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((d) => {
      const path = join(dir, d.name);
      if (d.isDirectory()) {
        return listJsonFiles(path);
      }
      return d.name.endsWith('.json') ? [path] : [];
    });
}
