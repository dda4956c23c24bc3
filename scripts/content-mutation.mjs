#!/usr/bin/env node
// Content mutation: Stryker mutates TypeScript, but much of the clinical logic is JSON. This script
// perturbs every numeric threshold and parameter of the shipped content one at a time — the rule packs
// (packages/core/rules/**: rule conditions, card variants, pack parameters), the fact definitions
// (packages/core/facts) and the analyte table (packages/core/data/analytes.json) — and runs the clinical
// vignettes against each mutant with the runner `soleus test` uses (in process, no jest). A mutant no
// vignette notices is a threshold no vignette pins: the script exits 1 and lists it.
//
// Mutations (docs/reference/testing.md, "Content mutation"):
//   - every number ± one unit of its written precision (3.5 → 3.4 and 3.6; 38.0 → 37.9 and 38.1; 500 → 499, 501)
//   - every comparator flipped to its inclusive/exclusive twin (lessThan ↔ lessThanOrEqual, greaterThan ↔
//     greaterThanOrEqual)
//   - every ISO 8601 day/week/month/year duration (a window such as "P30D") ± one unit
//   - analyte valences (read by the unit converter) ± 1, in process
// Numbers that are not thresholds are skipped by scripts/content-mutation.allowlist.json, each with its reason.
//
// Usage (needs the compiled packages: `pnpm build`):
//   node scripts/content-mutation.mjs               # every mutant (add --verbose to name each killer)
//   node scripts/content-mutation.mjs --only cramp  # mutants whose file or pointer contains "cramp"
//   node scripts/content-mutation.mjs --list        # print the mutants without running them
//   node scripts/content-mutation.mjs --update-known  # rewrite the known-survivor list from this run
//   node scripts/content-mutation.mjs --jobs 2      # split the mutants over 2 processes (CI: one per core)
// Exit 1 when a mutant survives that scripts/content-mutation.known-survivors.json does not list, or a
// listed one is now caught (remove it: the list only shrinks). The goal is an empty list.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runContentMutationShards } from './lib/content-mutation-shards.mjs';
import { listContentMutants } from './lib/list-content-mutants.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const core = join(root, 'packages', 'core');
const require = createRequire(import.meta.url);
const cli = require(join(root, 'packages', 'cli', 'dist', 'index.js'));
const { loadRuleSet } = require(join(core, 'dist', 'index.js'));
const { ANALYTE_TABLE } = require(join(core, 'dist', 'units', 'analyte-table.js'));

const args = process.argv.slice(2);
const argValue = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = argValue('--only');
// --jobs N: this process only runs N copies of itself, each with --shard k/N, and merges what they found.
const jobs = Number(argValue('--jobs') ?? 1);
const shard = argValue('--shard')?.split('/').map(Number);
const shardOut = argValue('--shard-out');
const started = Date.now();

const allowlist = JSON.parse(
  readFileSync(join(root, 'scripts', 'content-mutation.allowlist.json'), 'utf8'),
).entries.map((e) => ({ ...e, fileRe: new RegExp(e.file), pointerRe: new RegExp(e.pointer) }));
const { mutants, problems } = listContentMutants(core, allowlist);
if (problems.length > 0) {
  console.error(`content-mutation: the allowlist's own checks failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
const selected = mutants.filter((m) => !only || `${m.file}${m.pointer}`.includes(only));
if (args.includes('--list')) {
  for (const m of selected) console.log(`${m.file}${m.pointer}: ${m.describe}`);
  console.log(`${selected.length} mutant(s)`);
  process.exit(0);
}

const parentOfShards = jobs > 1 && !shard;
const mine = parentOfShards
  ? []
  : selected.filter((_, i) => !shard || i % shard[1] === shard[0] - 1);

// A working copy of the content: each file mutant rewrites one file in it and restores it afterwards.
const work = mkdtempSync(join(tmpdir(), 'soleus-content-mutation-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
for (const dir of ['rules', 'facts', 'valuesets'])
  cpSync(join(core, dir), join(work, dir), { recursive: true });
const dirs = {
  rules: join(work, 'rules'),
  facts: join(work, 'facts'),
  valuesets: join(work, 'valuesets'),
};
const contentDirs = { rulesDir: dirs.rules, factsDir: dirs.facts, valueSetsDir: dirs.valuesets };

const vignetteRoot = join(root, cli.DEFAULT_VIGNETTE_DIR ?? 'packages/fhir/test/vignettes');
const manifests = cli.findVignetteManifests(vignetteRoot).map((file) => ({
  file,
  dir: dirname(file),
  folder: basename(dirname(file)),
  manifest: cli.parseVignetteManifest(JSON.parse(readFileSync(file, 'utf8')), file),
}));

/** Runs one case against the loaded content; true when it meets every expectation. */
async function passes(content, m, c) {
  const run = await cli.runVignetteCase(m.dir, m.manifest, c, content);
  if (run.code !== 0 || !run.response) return false;
  return cli.checkVignetteCase(m.manifest.rule, c.expect, run.response.cards).length === 0;
}

// Baseline: only cases that pass on the unmutated copy can catch a mutant.
const baseline = [];
const unmutated = { ...dirs, ruleSet: await loadRuleSet(contentDirs) };
for (const m of parentOfShards ? [] : manifests) {
  for (const c of m.manifest.cases) {
    if (await passes(unmutated, m, c)) baseline.push({ m, c });
    else console.error(`content-mutation: baseline case fails, not used: ${m.folder}: ${c.desc}`);
  }
}

/** Cases in the order most likely to catch a mutant of this file: its rule's, its pack's, the rest. */
function casesFor(mutant) {
  const rule = mutant.file.match(/^rules\/[^/]+\/(.+)\.rule\.json$/)?.[1];
  const pack =
    mutant.file.match(/^rules\/([^/]+)\//)?.[1] ?? mutant.file.match(/^facts\/([^.]+)\./)?.[1];
  const rank = ({ m }) => (m.folder === rule ? 0 : pack && m.folder.startsWith(pack) ? 1 : 2);
  return [...baseline].sort((a, b) => rank(a) - rank(b));
}

const survivors = [];
let caseRuns = 0;
for (const mutant of mine) {
  const undo = apply(mutant);
  let killer;
  try {
    // The runner `soleus test` uses, with the mutated content loaded once for all its cases. Content
    // that no longer loads (a schema or catalogue check rejects it) is caught before any vignette runs.
    const ruleSet = await loadRuleSet(contentDirs).catch((err) => {
      killer = { m: { folder: '(content load)' }, c: { desc: err.message } };
    });
    for (const candidate of killer ? [] : casesFor(mutant)) {
      caseRuns += 1;
      if (!(await passes({ ...dirs, ruleSet }, candidate.m, candidate.c))) {
        killer = candidate;
        break;
      }
    }
  } finally {
    undo();
  }
  if (killer) {
    if (args.includes('--verbose')) {
      console.log(
        `killed ${mutant.file}${mutant.pointer} ${mutant.describe} by ${killer.m.folder}: ${killer.c.desc}`,
      );
    }
  } else {
    survivors.push(mutant);
    if (args.includes('--verbose'))
      console.log(`SURVIVED ${mutant.file}${mutant.pointer}: ${mutant.describe}`);
  }
}

/** Applies a mutant to the working copy (or the loaded analyte table) and returns its undo. */
function apply(mutant) {
  if (mutant.analyte) {
    const entry = ANALYTE_TABLE.analytes[mutant.analyte.key];
    const before = entry[mutant.analyte.field];
    entry[mutant.analyte.field] = mutant.analyte.value;
    return () => {
      entry[mutant.analyte.field] = before;
    };
  }
  const path = join(work, mutant.file);
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, text.slice(0, mutant.start) + mutant.replacement + text.slice(mutant.end));
  return () => writeFileSync(path, text);
}

const key = (m) => `${m.file}${m.pointer}: ${m.describe}`;
if (shardOut) {
  writeFileSync(
    shardOut,
    JSON.stringify({ survivorKeys: survivors.map(key), caseRuns, cases: baseline.length }),
  );
  process.exit(0);
}
const found = parentOfShards
  ? await runContentMutationShards(fileURLToPath(import.meta.url), args, jobs, work)
  : { survivorKeys: survivors.map(key), caseRuns, cases: baseline.length };
const seconds = ((Date.now() - started) / 1000).toFixed(1);

// The ratchet: every undetected mutant must be on the known list — `survivors` (thresholds still waiting
// for their vignette) or `equivalent` (mutants no real record can tell apart, each with its reason) — and
// every listed one must still be undetected, so the list only ever shrinks.
const knownFile = join(root, 'scripts', 'content-mutation.known-survivors.json');
const known = JSON.parse(readFileSync(knownFile, 'utf8'));
const selectedKeys = new Set(selected.map(key));
const survivorKeys = found.survivorKeys;
const equivalent = new Set(Object.keys(known.equivalent ?? {}));
const equivalentFound = survivorKeys.filter((k) => equivalent.has(k)).length;
console.log(
  `content mutation: ${selected.length} mutant(s), ${selected.length - survivorKeys.length} killed, ` +
    `${equivalentFound} equivalent (no record can tell them apart; reasons in ` +
    `content-mutation.known-survivors.json), ${survivorKeys.length - equivalentFound} undetected; ` +
    `${found.cases} vignette case(s), ${found.caseRuns} case run(s), ` +
    `${parentOfShards ? `${jobs} processes, ` : ''}${seconds} s`,
);
if (args.includes('--update-known')) {
  const waiting = survivorKeys.filter((k) => !equivalent.has(k));
  writeFileSync(knownFile, `${JSON.stringify({ ...known, survivors: waiting }, null, 2)}\n`);
  console.log(`wrote ${waiting.length} known survivor(s) to ${knownFile}`);
  process.exit(0);
}
const listed = [...known.survivors, ...equivalent].filter((k) => !only || selectedKeys.has(k));
const unexpected = survivorKeys.filter((k) => !listed.includes(k));
const nowKilled = listed.filter((k) => !survivorKeys.includes(k));
for (const k of unexpected) console.log(`NEW UNDETECTED ${k}`);
for (const k of nowKilled) console.log(`NOW KILLED (remove from the known list) ${k}`);
console.log(
  `known survivors: ${listed.length} listed (${equivalent.size} equivalent), ` +
    `${unexpected.length} new undetected, ${nowKilled.length} now killed`,
);
process.exit(unexpected.length === 0 && nowKilled.length === 0 ? 0 : 1);
