/** The pieces of the runnable-docs check, each shown to fail on the defect it exists to catch. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractDocBlocks } from '../doc-blocks/extract-doc-blocks';
import { matchTranscript } from '../doc-blocks/match-transcript';
import { parseConsoleBlock } from '../doc-blocks/parse-console-block';
import { runDocBlock } from '../doc-blocks/run-doc-block';

const dir = mkdtempSync(join(tmpdir(), 'soleus-doc-blocks-'));
const ctx = { repoRoot: dir, workDir: join(dir, 'work') };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function blocksOf(markdown: string) {
  const file = join(dir, `doc-${Math.abs(markdown.length)}.md`);
  writeFileSync(file, markdown);
  return extractDocBlocks(file);
}

describe('extractDocBlocks', () => {
  it('reads language, marker, exit code and line, also inside list items', () => {
    const [a, b, c] = blocksOf(
      '# T\n\n```sh runnable\nls\n```\n\n1. step\n\n   ```js illustrative\n   x()\n   ```\n\n```console runnable exit=1\n$ false\n```\n',
    );
    expect(a).toMatchObject({ lang: 'sh', marker: 'runnable', exit: 0, line: 3, code: 'ls\n' });
    expect(b).toMatchObject({ lang: 'js', marker: 'illustrative', code: 'x()\n' });
    expect(c).toMatchObject({ lang: 'console', marker: 'runnable', exit: 1 });
  });
});

describe('matchTranscript', () => {
  it('matches equal output, ignoring trailing spaces and blank lines', () => {
    expect(matchTranscript('a\nb\n', 'a  \nb\n\n')).toBeUndefined();
  });
  it('lets … stand for any lines, including none', () => {
    expect(matchTranscript('a\n…\nd', 'a\nb\nc\nd')).toBeUndefined();
    expect(matchTranscript('a\n…\nd', 'a\nd')).toBeUndefined();
  });
  it('reports a changed, missing or extra line', () => {
    expect(matchTranscript('a\nb', 'a\nc')).toContain('but the command printed');
    expect(matchTranscript('a\nb', 'a')).toBeDefined();
    expect(matchTranscript('a', 'a\nb')).toBeDefined();
  });
});

describe('parseConsoleBlock', () => {
  it('splits commands from their output', () => {
    expect(parseConsoleBlock('$ echo hi\nhi\n$ true\n')).toEqual([
      { command: 'echo hi', output: 'hi' },
      { command: 'true', output: '' },
    ]);
  });
  it('refuses output before the first command', () => {
    expect(() => parseConsoleBlock('hi\n$ echo hi\n')).toThrow('before the first');
  });
});

describe('runDocBlock', () => {
  const block = (lang: string, code: string, exit = 0) => ({
    file: 'x.md',
    line: 1,
    lang,
    marker: 'runnable' as const,
    exit,
    code,
  });

  it('passes a shell block that exits 0 and fails one whose command fails midway', () => {
    expect(runDocBlock(block('sh', 'true\ntrue\n'), ctx)).toBeUndefined();
    expect(runDocBlock(block('sh', 'false\ntrue\n'), ctx)).toContain('exit 1 (expected 0)');
    expect(runDocBlock(block('sh', 'false | cat\n'), ctx)).toContain('exit 1');
    expect(runDocBlock(block('sh', 'exit 3\n', 3), ctx)).toBeUndefined();
  });

  it('checks a console transcript, with stderr and the repo path shown as the user sees them', () => {
    const ok = `$ echo "$PWD/file"; echo warn >&2\nfile\nwarn\n`;
    expect(runDocBlock(block('console', ok), ctx)).toBeUndefined();
    expect(runDocBlock(block('console', '$ echo 2\n1\n'), ctx)).toContain(
      'but the command printed',
    );
  });

  it('runs JS and TS snippets as ES modules in the shared scratch directory', () => {
    const write =
      "// first.mjs\nimport { writeFileSync } from 'node:fs';\nwriteFileSync('out.txt', 'x');\n";
    const read =
      "import { readFileSync } from 'node:fs';\nconst n: number = readFileSync('out.txt', 'utf8').length;\nif (n !== 1) process.exit(1);\n";
    expect(runDocBlock(block('js', write), ctx)).toBeUndefined();
    expect(runDocBlock(block('ts', read), ctx)).toBeUndefined();
    expect(runDocBlock(block('js', 'readFileSync("out.txt");\n'), ctx)).toContain(
      'readFileSync is not defined',
    );
  });

  it('refuses to run a JSON block', () => {
    expect(runDocBlock(block('json', '{}'), ctx)).toContain('cannot be runnable');
  });
});
