import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', 'test-output', 'coverage', '.git']);

/**
 * Every Markdown file of the repository that people read as documentation: READMEs and guides, not
 * generated pages (`docs/reference/rules`) nor anything under node_modules, dist or test output.
 * @param root - the repository root
 * @returns paths relative to the root, sorted
 */
export function findMarkdownFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP.has(entry.name) && !entry.name.startsWith('.')) {
          walk(path);
        }
      } else if (entry.name.endsWith('.md')) {
        out.push(relative(root, path));
      }
    }
  };
  walk(root);
  return out.filter((f) => !f.startsWith(join('docs', 'reference', 'rules'))).sort();
}
