import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONTENT, isSoleusError } from '@soleus/core';
import { buildIndexFromRrf, RXNORM_INDEX_INPUTS_PATH, serializeRxnormIndex } from '@soleus/fhir';
import { type CliIo, CliUsageError, EXIT } from '../cli-io';
import { parseCliArgs } from '../parse-cli-args';

const HELP = `usage: soleus rxnorm import <release-dir> [--out <file>] [--valuesets <dir>] [--inputs <file>]

Builds a medication index from an RxNorm release: RXNCONSO.RRF, RXNREL.RRF and RXNSAT.RRF in the
directory or in its rrf/ folder (the "Current Prescribable Content" subset needs no UMLS licence).
Every product whose ingredients a value set lists is kept with its strengths, dose form and route,
by the same rules as the shipped index; packs, injections and inhalers included. --valuesets names the
value sets the rules read (default: the bundled ones), --inputs the excluded codes and watch list
(default: the shipped rxnorm-index-inputs.json). Writes --out (default: rxnorm-index.json).
Use the file with --rxnorm-index (soleus evaluate, test, dry-run) or the server's rxnormIndex setting
(SOLEUS_RXNORM_INDEX). Rebuild it after each RxNorm release and after changing an RxNorm value set.
`;

/**
 * `soleus rxnorm import`: a site's medication index from its RxNorm release files.
 * @param args - command arguments
 * @param io - output
 * @returns 0 when the index was written
 * @throws {CliUsageError} on bad arguments, missing release files or value sets that do not load
 */
export async function rxnormCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCliArgs(
    {
      options: {
        out: { type: 'string' },
        valuesets: { type: 'string' },
        inputs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    },
    args,
    HELP,
  );
  if (values.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  const [action, releaseDir, ...rest] = positionals;
  if (action !== 'import' || releaseDir === undefined || rest.length > 0) {
    throw new CliUsageError(`expected \`rxnorm import <release-dir>\`\n${HELP}`);
  }
  const out = resolve(values.out ?? 'rxnorm-index.json');
  try {
    const { index, report } = await buildIndexFromRrf({
      releaseDir: resolve(releaseDir),
      valueSetsDir: values.valuesets ? resolve(values.valuesets) : DEFAULT_CONTENT.valueSetsDir,
      inputsFile: values.inputs ? resolve(values.inputs) : RXNORM_INDEX_INPUTS_PATH,
    });
    writeFileSync(out, serializeRxnormIndex(index));
    io.stdout(
      `wrote ${out}: ${index.products.length} products of interest, ${index.outOfScope.length} out of scope, ` +
        `${index.ingredients.length} ingredients from the value sets, ${index.knownNames.length} other ingredient names\n` +
        `not used: ${report.unparsed.length} name(s) outside the grammar without components, ` +
        `${report.inconsistent.length} product(s) whose name and components disagree (components used), ` +
        `${report.unverified.length} product(s) of a watched class member\n`,
    );
    return EXIT.ok;
  } catch (err) {
    if (isSoleusError(err)) {
      throw new CliUsageError(`${err.code}: ${err.message}`);
    }
    throw err;
  }
}
