// The mutants of the shipped clinical content that scripts/content-mutation.mjs runs the vignettes
// against (docs/reference/testing.md, "Content mutation").
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { jsonLiterals } from './json-literals.mjs';

/** Comparator flips: each operator to its inclusive/exclusive twin. */
const FLIP = {
  lessThan: 'lessThanOrEqual',
  lessThanOrEqual: 'lessThan',
  greaterThan: 'greaterThanOrEqual',
  greaterThanOrEqual: 'greaterThan',
};
const DURATION = /^P(\d+)([DWMY])$/;

/**
 * @typedef {object} ContentMutant
 * @property {string} file - path under packages/core (`rules/dvt/pack.json`)
 * @property {string} pointer - JSON pointer of the mutated value
 * @property {string} describe - what changes (`500 → 499`)
 * @property {number} [start] - offsets of the literal to replace in the file (file mutants)
 * @property {number} [end]
 * @property {string} [replacement] - the new literal as written
 * @property {{ key: string, field: string, value: number }} [analyte] - an in-process analyte-table change
 */

/**
 * Lists the mutants of the content under packages/core, skipping allowlisted numbers, and checks the
 * allowlist's own claims (no two priorities of a pack one apart; the Z3A table maps each code to its weeks).
 * @param {string} core - the packages/core directory
 * @param {{ fileRe: RegExp, pointerRe: RegExp }[]} allowlist - numbers that are not thresholds
 * @returns {{ mutants: ContentMutant[], problems: string[] }} the mutants, and any allowlist claim that is false
 */
export function listContentMutants(core, allowlist) {
  const mutants = [];
  const problems = [];
  const files = ['rules', 'facts'].flatMap((dir) => jsonFiles(join(core, dir)));
  const priorities = new Map();
  for (const path of files) {
    const file = relative(core, path);
    const text = readFileSync(path, 'utf8');
    for (const lit of jsonLiterals(text)) {
      if (lit.kind === 'number') {
        if (allowlist.some((a) => a.fileRe.test(file) && a.pointerRe.test(lit.pointer))) {
          continue;
        }
        for (const replacement of plusMinusOneUnit(lit.raw)) {
          mutants.push({
            file,
            pointer: lit.pointer,
            describe: `${lit.raw} → ${replacement}`,
            ...at(lit),
            replacement,
          });
        }
      } else if (lit.pointer.endsWith('/operator') && FLIP[lit.raw]) {
        const replacement = JSON.stringify(FLIP[lit.raw]);
        mutants.push({
          file,
          pointer: lit.pointer,
          describe: `${lit.raw} → ${FLIP[lit.raw]}`,
          ...at(lit),
          replacement,
        });
      } else if (DURATION.test(lit.raw)) {
        const [, n, unit] = DURATION.exec(lit.raw);
        for (const k of [Number(n) - 1, Number(n) + 1].filter((k) => k >= 0)) {
          mutants.push({
            file,
            pointer: lit.pointer,
            describe: `${lit.raw} → P${k}${unit}`,
            ...at(lit),
            replacement: JSON.stringify(`P${k}${unit}`),
          });
        }
      }
    }
    const json = JSON.parse(text);
    if (typeof json.priority === 'number') {
      const pack = file.split('/')[1];
      priorities.set(pack, [...(priorities.get(pack) ?? []), { file, priority: json.priority }]);
    }
    checkWeeksTable(file, json, problems);
  }
  for (const rules of priorities.values()) {
    for (const a of rules) {
      for (const b of rules.filter((b) => b.priority - a.priority === 1)) {
        problems.push(
          `priorities one apart (${a.file} ${a.priority}, ${b.file} ${b.priority}): the priority allowlist entry assumes none`,
        );
      }
    }
  }
  const analytes = JSON.parse(readFileSync(join(core, 'data', 'analytes.json'), 'utf8')).analytes;
  for (const [key, def] of Object.entries(analytes)) {
    if (typeof def.valence === 'number') {
      for (const value of [def.valence - 1, def.valence + 1].filter((v) => v > 0)) {
        mutants.push({
          file: 'data/analytes.json',
          pointer: `/analytes/${key}/valence`,
          describe: `${def.valence} → ${value}`,
          analyte: { key, field: 'valence', value },
        });
      }
    }
  }
  return { mutants, problems };
}

/** The two neighbours of a number one unit of its written precision away (`3.5` → `3.4`, `3.6`). */
function plusMinusOneUnit(raw) {
  const decimals = raw.split('.')[1]?.length ?? 0;
  const unit = 10 ** -decimals;
  return [Number(raw) - unit, Number(raw) + unit].map((v) => v.toFixed(decimals));
}

function at(lit) {
  return { start: lit.start, end: lit.end };
}

/** The Z3A weeks table is allowlisted as a transcription: check it is one (Z3A.nn → nn weeks). */
function checkWeeksTable(file, json, problems) {
  for (const fact of json.facts ?? []) {
    const table = fact.source?.params?.weeksByCode;
    for (const [code, weeks] of Object.entries(table ?? {})) {
      const nn = Number(code.slice('Z3A.'.length));
      const expected = nn === 1 ? 7 : nn === 49 ? 42 : nn;
      if (weeks !== expected) {
        problems.push(`${file} ${fact.name} weeksByCode ${code} = ${weeks}, expected ${expected}`);
      }
    }
  }
}

function jsonFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
    });
}
