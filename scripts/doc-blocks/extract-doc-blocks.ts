import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';

/** The marker words a fenced block may carry after its language (the info string `sh runnable`). */
export type DocBlockMarker = 'runnable' | 'illustrative';

/** Languages whose blocks are commands or programs: each must be marked runnable or illustrative. */
export const EXECUTABLE_LANGUAGES: ReadonlySet<string> = new Set([
  'sh',
  'bash',
  'console',
  'js',
  'mjs',
  'ts',
]);

/** One fenced code block of a Markdown file. */
export interface DocBlock {
  /** The Markdown file. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The first word of the info string (`sh`, `console`, `js`, …). */
  readonly lang: string;
  /** The marker, when the info string has one. */
  readonly marker: DocBlockMarker | undefined;
  /** `exit=N` in the info string: the exit code a runnable block must end with (default 0). */
  readonly exit: number;
  /** The block's text, de-indented, ending with a newline. */
  readonly code: string;
}

const parser = new MarkdownIt();

/**
 * Reads the fenced code blocks of a Markdown file. The info string is `<lang> [marker] [exit=N]`;
 * renderers use only the first word, so the marker is invisible to readers.
 * @param file - path of the Markdown file
 * @returns the blocks in document order
 */
export function extractDocBlocks(file: string): DocBlock[] {
  return parser
    .parse(readFileSync(file, 'utf8'), {})
    .filter((token) => token.type === 'fence')
    .map((token) => {
      const [lang = '', ...words] = token.info.trim().split(/\s+/);
      const marker = words.find(
        (w): w is DocBlockMarker => w === 'runnable' || w === 'illustrative',
      );
      const exit = words.find((w) => w.startsWith('exit='));
      return {
        file,
        line: (token.map?.[0] ?? 0) + 1,
        lang,
        marker,
        exit: exit === undefined ? 0 : Number(exit.slice('exit='.length)),
        code: token.content,
      };
    });
}
