/** One `$ command` of a console transcript with the output shown under it. */
export interface ConsoleStep {
  readonly command: string;
  readonly output: string;
}

/**
 * Splits a console transcript into commands (lines starting with `$ `) and their shown output.
 * @param code - the block's text
 * @returns the steps in order
 * @throws Error when text precedes the first `$ ` line
 */
export function parseConsoleBlock(code: string): ConsoleStep[] {
  const steps: { command: string; output: string[] }[] = [];
  for (const line of code.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('$ ')) {
      steps.push({ command: line.slice(2), output: [] });
    } else if (steps.length === 0) {
      throw new Error(`console block: output before the first "$ " command: ${line}`);
    } else {
      steps[steps.length - 1]?.output.push(line);
    }
  }
  return steps.map((s) => ({ command: s.command, output: s.output.join('\n') }));
}
