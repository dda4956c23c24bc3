// Formats a generated Markdown page with the repository's prettier settings and writes it, or with
// --check exits 1 when the committed page differs (the CI drift check of generated references).
import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import * as prettier from 'prettier';

/**
 * @param {string} repo - repository root, for messages
 * @param {string} out - the page
 * @param {string[]} lines - its generated Markdown lines
 * @param {string} source - what it is generated from and how to regenerate, for the drift message
 */
export async function writeMarkdownOrCheck(repo, out, lines, source) {
  const config = (await prettier.resolveConfig(out)) ?? {};
  const page = await prettier.format(lines.join('\n'), { ...config, parser: 'markdown' });
  if (process.argv.includes('--check')) {
    const current = await readFile(out, 'utf8').catch(() => '');
    if (current !== page) {
      console.error(`drift: ${relative(repo, out)} differs from ${source}`);
      process.exit(1);
    }
    console.log(`${relative(repo, out)} is current`);
  } else {
    await writeFile(out, page);
    console.log(`wrote ${relative(repo, out)}`);
  }
}
