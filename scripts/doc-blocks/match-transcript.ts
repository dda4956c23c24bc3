/** A line of an expected transcript that stands for any number of output lines (none included). */
export const ANY_LINES = '…';

/**
 * Compares a command's output with the output a document shows for it. Lines are compared after
 * trimming trailing whitespace; a line that is exactly `…` matches any run of lines; trailing blank
 * lines are ignored on both sides.
 * @param expected - the documented output
 * @param actual - what the command printed
 * @returns undefined when they match, else a description of the first difference
 */
export function matchTranscript(expected: string, actual: string): string | undefined {
  const want = lines(expected);
  const got = lines(actual);
  return matchFrom(want, 0, got, 0)
    ? undefined
    : `expected:\n${want.join('\n')}\n--- but the command printed:\n${got.join('\n')}`;
}

function lines(text: string): string[] {
  const out = text.split('\n').map((l) => l.trimEnd());
  while (out.length > 0 && out[out.length - 1] === '') {
    out.pop();
  }
  return out;
}

function matchFrom(want: string[], i: number, got: string[], j: number): boolean {
  if (i === want.length) {
    return j === got.length;
  }
  if (want[i] === ANY_LINES) {
    for (let k = j; k <= got.length; k++) {
      if (matchFrom(want, i + 1, got, k)) {
        return true;
      }
    }
    return false;
  }
  return j < got.length && want[i] === got[j] && matchFrom(want, i + 1, got, j + 1);
}
