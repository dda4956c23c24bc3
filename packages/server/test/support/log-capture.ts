/**
 * Captures the app's JSON log lines in memory, to assert what was (and was never) logged.
 */
import { Writable } from 'node:stream';

/** A capturing destination. */
export interface LogCapture {
  readonly stream: Writable;
  /** Everything logged so far, raw. */
  readonly text: () => string;
  /** Parsed log lines. */
  readonly lines: () => Record<string, unknown>[];
}

/**
 * Creates a capturing log stream.
 * @returns the capture
 */
export function captureLogs(): LogCapture {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(chunk.toString());
      callback();
    },
  });
  const text = (): string => chunks.join('');
  return {
    stream,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
