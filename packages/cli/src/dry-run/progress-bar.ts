const WIDTH = 30;

/**
 * Renders a one-line progress bar for stderr, redrawn in place with a carriage return. The total is
 * unknown while an .ndjson file streams, so then only the count is shown.
 * @param done - items finished
 * @param total - items expected, or undefined when unknown
 * @returns the line, starting with `\r`
 */
export function progressLine(done: number, total: number | undefined): string {
  if (total === undefined || total === 0) {
    return `\rdry-run: ${done} patient(s) evaluated`;
  }
  const filled = Math.min(WIDTH, Math.round((done / total) * WIDTH));
  const percent = Math.floor((done / total) * 100);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${done}/${total} ${percent}%`;
}
