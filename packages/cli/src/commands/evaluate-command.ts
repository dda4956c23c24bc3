import { isSoleusError, type RuleSet } from '@soleus/core';
import { evaluateRecord, recordFromBundle } from '@soleus/fhir';
import { type CliIo, CliUsageError, EXIT } from '../cli-io';
import { contentDirsFrom } from '../content-dirs-from-options';
import { loadRuleSetOrExplain } from '../load-rule-set-or-explain';
import { readJsonFile, STDIN_PATH } from '../read-json-file';
import { CONTENT_OPTIONS, parseCliArgs } from '../parse-cli-args';
import { parseHookOption } from '../parse-hook-option';
import { RXNORM_INDEX_OPTION, rxnormIndexFromOption } from '../rxnorm-index-option';

const HELP = `usage: soleus evaluate --hook <patient-view|order-select|order-sign> --bundle <patient.json | ->
                       [--draft-orders <bundle.json>] [--selections <Type/id,...>] [--now <ISO 8601>]
                       [--patient <id>] [--explain] [--rules <dir>] [--facts <dir>] [--valuesets <dir>]
                       [--rxnorm-index <file>]

Prints the CDS Hooks response ({"cards": [...]}) on stdout. --explain adds the rule trace under
response.extension. --bundle - (or --draft-orders -) reads that bundle from standard input. Without
--now the current time is used. For order-select without --selections, every draft order counts as
selected. --patient names the context patient (the CDS Hooks context.patientId); without it the
bundle is the record of its one Patient. Resources of any other patient are never used.
--rules/--facts/--valuesets replace the bundled content; --rxnorm-index replaces the shipped
medication index with one built by \`soleus rxnorm import\`.
`;

/**
 * `soleus evaluate`: runs the rule packs on one patient bundle, exactly as the service would.
 * @param args - command arguments
 * @param io - output and clock
 * @param loaded - a rule set already loaded from the content the options name (`soleus test` loads it
 *   once per run instead of once per case); without it the command loads the content itself
 * @returns exit code
 * @throws {CliUsageError} on bad arguments or input (exit 2)
 */
export async function evaluateCommand(
  args: readonly string[],
  io: CliIo,
  loaded?: RuleSet,
): Promise<number> {
  const opts = parseOptions(args);
  if (opts.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const hook = parseHookOption(opts.hook);
  if (!opts.bundle) {
    throw new CliUsageError('--bundle <patient.json> is required (- reads standard input)');
  }
  if (opts.bundle === STDIN_PATH && opts['draft-orders'] === STDIN_PATH) {
    throw new CliUsageError('only one of --bundle and --draft-orders can read standard input (-)');
  }
  const now = opts.now ?? io.now();
  if (Number.isNaN(Date.parse(now))) {
    throw new CliUsageError(`--now must be an ISO 8601 instant, found "${now}"`);
  }
  try {
    const record = recordFromBundle(
      await readJsonFile(opts.bundle, 'patient bundle', io.stdin),
      'bundle',
    );
    const drafts = opts['draft-orders']
      ? recordFromBundle(
          await readJsonFile(opts['draft-orders'], 'draft orders bundle', io.stdin),
          'draftOrders',
        )
      : undefined;
    const ruleSet = loaded ?? (await loadRuleSetOrExplain(contentDirsFrom(opts)));
    const rxnormIndex = rxnormIndexFromOption(opts['rxnorm-index']);
    const outcome = await evaluateRecord(record, {
      ruleSet,
      hook,
      now,
      ...(rxnormIndex ? { rxnormIndex } : {}),
      ...(drafts ? { draftOrders: drafts.entries.map((e) => e.resource) } : {}),
      ...(opts.selections ? { selections: opts.selections.split(',').map((s) => s.trim()) } : {}),
      ...(opts.patient ? { patientId: opts.patient } : {}),
      explain: opts.explain === true,
    });
    io.stdout(`${JSON.stringify(outcome.response, null, 2)}\n`);
    return EXIT.ok;
  } catch (err) {
    if (isSoleusError(err)) {
      throw new CliUsageError(`${err.code}: ${err.message}`);
    }
    throw err;
  }
}

function parseOptions(args: readonly string[]) {
  return parseCliArgs(
    {
      options: {
        hook: { type: 'string' },
        bundle: { type: 'string' },
        'draft-orders': { type: 'string' },
        selections: { type: 'string' },
        now: { type: 'string' },
        patient: { type: 'string' },
        explain: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        ...CONTENT_OPTIONS,
        ...RXNORM_INDEX_OPTION,
      },
      strict: true,
      allowPositionals: false,
    },
    args,
    HELP,
  ).values;
}
