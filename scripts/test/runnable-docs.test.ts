/**
 * Docs that cannot drift: every fenced shell, console, JS or TS block of the README, the guides and
 * the package READMEs is marked either `runnable` (this test runs it, against the repo's own files)
 * or `illustrative` (it needs a server, secrets or an edited copy of the content). The marker is a
 * word after the language in the info string (the info string `sh runnable`), which renderers ignore.
 * Runnable shell blocks must exit 0 (or `exit=N`), console transcripts must print what they show
 * (`…` lines match anything), JS/TS snippets run as ES modules and must exit 0; the snippets of one
 * document share a scratch directory under test-output/doc-snippets, in document order.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXECUTABLE_LANGUAGES, extractDocBlocks } from '../doc-blocks/extract-doc-blocks';
import { findMarkdownFiles } from '../doc-blocks/find-markdown-files';
import { runDocBlock } from '../doc-blocks/run-doc-block';

const ROOT = join(__dirname, '..', '..');
const DOCS = findMarkdownFiles(ROOT).map((file) => ({
  file,
  blocks: extractDocBlocks(join(ROOT, file)),
}));

jest.setTimeout(180_000);

describe('documentation code blocks', () => {
  it('finds the README and the guides', () => {
    const files = DOCS.map((d) => d.file);
    for (const f of ['README.md', 'docs/guides/integrating.md', 'docs/guides/authoring-rules.md']) {
      expect(files).toContain(f);
    }
  });

  it('marks every shell, console, JS and TS block runnable or illustrative', () => {
    const unmarked = DOCS.flatMap((d) =>
      d.blocks
        .filter((b) => EXECUTABLE_LANGUAGES.has(b.lang) && b.marker === undefined)
        .map((b) => `${d.file}:${b.line} (${b.lang})`),
    );
    expect(unmarked).toEqual([]);
  });

  it.each([
    ['README.md', 1],
    ['docs/guides/integrating.md', 2],
    ['docs/guides/authoring-rules.md', 3],
  ])('%s has at least %d runnable blocks', (file, count) => {
    const doc = DOCS.find((d) => d.file === file);
    expect(doc?.blocks.filter((b) => b.marker === 'runnable').length).toBeGreaterThanOrEqual(count);
  });
});

describe.each(DOCS.filter((d) => d.blocks.some((b) => b.marker === 'runnable')))(
  'runnable blocks of $file',
  ({ file, blocks }) => {
    const workDir = join(ROOT, 'test-output', 'doc-snippets', file.replace(/[/.]/g, '_'));
    beforeAll(() => rmSync(workDir, { recursive: true, force: true }));

    // One test per document, blocks in document order: a later block uses the files an earlier one
    // wrote, so jest --randomize (pnpm test) must not shuffle them. The first failing block is named.
    const runnable = blocks.filter((b) => b.marker === 'runnable');
    it(
      'runs every runnable block as documented, in order',
      () => {
        for (const block of runnable) {
          expect({
            line: block.line,
            problem: runDocBlock(block, { repoRoot: ROOT, workDir }),
          }).toEqual({ line: block.line, problem: undefined });
        }
      },
      180_000 * runnable.length,
    );
  },
);
