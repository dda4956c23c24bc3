import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/**
 * Streams the rows of an RxNorm Rich Release Format file (`|`-separated fields, every line ending with a
 * `|`), so a full release (hundreds of MB) is never held in memory as one string.
 * @param file - e.g. `rrf/RXNCONSO.RRF`
 * @param onRow - called with each row's fields (the empty field after the last `|` is dropped)
 */
export async function readRrfRows(
  file: string,
  onRow: (fields: readonly string[]) => void,
): Promise<void> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line !== '') {
      const fields = line.split('|');
      if (fields.at(-1) === '') {
        fields.pop();
      }
      onRow(fields);
    }
  }
}
