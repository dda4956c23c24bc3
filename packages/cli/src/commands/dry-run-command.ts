import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import type { RuleSet } from '@soleus/core';
import type { RxnormIndex } from '@soleus/fhir';
import { type CliIo, CliUsageError, EXIT } from '../cli-io';
import { addOutcome, emptyTally } from '../dry-run/dry-run-tally';
import { evaluatePopulationItem, type DryRunSettings } from '../dry-run/evaluate-population-item';
import { dryRunJson, formatDryRunReport } from '../dry-run/format-dry-run-report';
import type { ItemOutcome } from '../dry-run/population-item';
import { progressLine } from '../dry-run/progress-bar';
import { inspectPopulation, readPopulation } from '../dry-run/read-population';
import { runWorkerPool } from '../dry-run/run-worker-pool';
import { contentDirsFrom, type CliContent } from '../content-dirs-from-options';
import { loadRuleSetOrExplain } from '../load-rule-set-or-explain';
import { CONTENT_OPTIONS, parseCliArgs } from '../parse-cli-args';
import { parseHookOption } from '../parse-hook-option';
import { STDIN_PATH } from '../read-json-file';
import { RXNORM_INDEX_OPTION, rxnormIndexFromOption } from '../rxnorm-index-option';

const HELP = `usage: soleus dry-run --hook <patient-view|order-select|order-sign> <folder | file.ndjson | ->
                      [--now <ISO 8601>] [--workers <n>] [--progress] [--json] [--include-drafts]
                      [--rules <dir>] [--facts <dir>] [--valuesets <dir>] [--pack <dir|npm-package>]...
                      [--rxnorm-index <file>]

Evaluates a population (every *.json bundle in a folder tree, or one bundle per line of an .ndjson
file or, with -, of standard input) and reports how often each card would fire: patients, rate per
1,000 evaluated patients, indicator mix, and data-quality issue totals. Inputs that are not JSON or
not FHIR bundles are counted and listed, never fatal. --workers defaults to the available cores (1 = no worker threads); each
worker loads the rule set once. A progress bar goes to stderr when it is a terminal or with --progress.
On order-select/order-sign no draft orders are passed (a population holds records, not orders), so
rules that need a draft order do not fire. Rules with status "draft" are evaluated only with
--include-drafts (to see how often a rule under review would fire before it is made active); the
report header then says so. --pack adds a site pack (a directory, or an installed npm package).
Issues that are only counted, never shown to a clinician (a medication that could not be identified
and whose name suggests nothing any rule reads, a product identified by its name), are listed as
"<code> (counted only)". --rxnorm-index evaluates with a site's medication index (\`soleus rxnorm import\`).
`;

/**
 * `soleus dry-run`: how often each card would fire over a population.
 * @param args - command arguments
 * @param io - output and clock
 * @returns 0 when the population was evaluated (rejected inputs are reported, not fatal)
 * @throws {CliUsageError} on bad arguments or content that does not load (exit 2)
 */
export async function dryRunCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values: opts, positionals } = parseOptions(args);
  if (opts.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const settings: DryRunSettings = {
    hook: parseHookOption(opts.hook),
    now: parseNow(opts.now ?? io.now()),
    ...(opts['include-drafts'] ? { includeDrafts: true } : {}),
  };
  if (positionals.length !== 1 || positionals[0] === undefined) {
    throw new CliUsageError(
      `expected one population (a folder or an .ndjson file), found ${positionals.length}`,
    );
  }
  const population = positionals[0] === STDIN_PATH ? STDIN_PATH : resolve(positionals[0]);
  const content = contentDirsFrom(opts);
  const total = inspectPopulation(population);
  const ruleSet = await loadRuleSetOrExplain(content);
  const rxnormIndexFile =
    opts['rxnorm-index'] === undefined ? undefined : resolve(opts['rxnorm-index']);
  const rxnormIndex = rxnormIndexFromOption(rxnormIndexFile);
  const workers = parseWorkers(opts.workers, total);
  const tally = emptyTally(ruleIdsOn(ruleSet, settings));
  const showProgress = opts.progress === true || process.stderr.isTTY === true;
  const record = (outcome: ItemOutcome) => {
    addOutcome(tally, outcome);
    if (showProgress) {
      io.stderr(progressLine(tally.inputs, total));
    }
  };
  await evaluateAll({
    population,
    workers,
    content,
    settings,
    ruleSet,
    record,
    stdin: io.stdin,
    ...(rxnormIndex && rxnormIndexFile ? { rxnormIndex, rxnormIndexFile } : {}),
  });
  if (showProgress) {
    io.stderr('\n');
  }
  const header = {
    hook: settings.hook,
    now: settings.now,
    contentVersion: ruleSet.contentVersion,
    workers,
    ...(settings.includeDrafts === true ? { includeDrafts: true } : {}),
  };
  io.stdout(
    opts.json
      ? `${JSON.stringify(dryRunJson(tally, header), null, 2)}\n`
      : formatDryRunReport(tally, header),
  );
  return EXIT.ok;
}

interface Run {
  readonly population: string;
  readonly workers: number;
  readonly content: CliContent;
  readonly settings: DryRunSettings;
  readonly ruleSet: RuleSet;
  readonly record: (outcome: ItemOutcome) => void;
  readonly stdin: Readable | undefined;
  readonly rxnormIndex?: RxnormIndex;
  readonly rxnormIndexFile?: string;
}

async function evaluateAll(run: Run): Promise<void> {
  if (run.workers > 1) {
    const data = {
      content: run.content,
      settings: run.settings,
      ...(run.rxnormIndexFile ? { rxnormIndex: run.rxnormIndexFile } : {}),
    };
    await runWorkerPool(readPopulation(run.population, run.stdin), run.workers, data, run.record);
    return;
  }
  for await (const item of readPopulation(run.population, run.stdin)) {
    run.record(await evaluatePopulationItem(run.ruleSet, run.settings, item, run.rxnormIndex));
  }
}

function ruleIdsOn(ruleSet: RuleSet, settings: DryRunSettings): string[] {
  const statuses = settings.includeDrafts === true ? ['active', 'draft'] : ['active'];
  return ruleSet.rules
    .filter(
      (r) => statuses.includes(r.definition.status) && r.definition.hooks.includes(settings.hook),
    )
    .map((r) => r.definition.id);
}

function parseWorkers(value: string | undefined, total: number | undefined): number {
  if (value === undefined) {
    return Math.max(1, Math.min(availableParallelism(), total ?? Infinity));
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new CliUsageError(`--workers must be a whole number ≥ 1, found "${value}"`);
  }
  return n;
}

function parseNow(now: string): string {
  if (Number.isNaN(Date.parse(now))) {
    throw new CliUsageError(`--now must be an ISO 8601 instant, found "${now}"`);
  }
  return now;
}

function parseOptions(args: readonly string[]) {
  return parseCliArgs(
    {
      options: {
        hook: { type: 'string' },
        now: { type: 'string' },
        workers: { type: 'string' },
        progress: { type: 'boolean' },
        json: { type: 'boolean' },
        'include-drafts': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...CONTENT_OPTIONS,
        ...RXNORM_INDEX_OPTION,
      },
      strict: true,
      allowPositionals: true,
    },
    args,
    HELP,
  );
}
