import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How a generated directory differs from what the generator would write now. */
export interface GeneratedDrift {
  /** Files whose content differs. */
  readonly stale: readonly string[];
  /** Files the generator writes that are not there. */
  readonly missing: readonly string[];
  /** Generated-looking files (.md, .html) that the generator no longer writes. */
  readonly extra: readonly string[];
}

const GENERATED = /\.(md|html)$/;

/**
 * Compares a generated directory with the files it should hold.
 * @param dir - the directory
 * @param files - file name → expected content
 * @returns the drift; all lists empty when up to date
 */
export function diffGeneratedDir(dir: string, files: ReadonlyMap<string, string>): GeneratedDrift {
  const present = existsSync(dir) ? readdirSync(dir).filter((f) => GENERATED.test(f)) : [];
  return {
    stale: [...files]
      .filter(([f, c]) => present.includes(f) && readFileSync(join(dir, f), 'utf8') !== c)
      .map(([f]) => f),
    missing: [...files.keys()].filter((f) => !present.includes(f)),
    extra: present.filter((f) => !files.has(f)).sort(),
  };
}

/**
 * Writes the generated files and removes generated-looking files that are no longer produced.
 * @param dir - the directory (created when missing)
 * @param files - file name → content
 * @returns the drift that was repaired
 */
export function writeGeneratedDir(dir: string, files: ReadonlyMap<string, string>): GeneratedDrift {
  const drift = diffGeneratedDir(dir, files);
  mkdirSync(dir, { recursive: true });
  for (const f of [...drift.stale, ...drift.missing]) {
    writeFileSync(join(dir, f), files.get(f) ?? '');
  }
  for (const f of drift.extra) {
    rmSync(join(dir, f));
  }
  return drift;
}
