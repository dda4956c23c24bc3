import type { VignetteExpect } from '../vignettes/vignette-manifest';

/**
 * Says in words what a vignette case expects, e.g. `fires (warning); not dvt-excluded`.
 * @param expect - the case's expectations
 * @returns a short plain-text phrase
 */
export function describeExpect(expect: VignetteExpect): string {
  const parts: string[] = [];
  if (expect.fires !== undefined) {
    parts.push(
      expect.fires ? `fires${expect.indicator ? ` (${expect.indicator})` : ''}` : 'silent',
    );
  } else if (expect.indicator !== undefined) {
    parts.push(`indicator ${expect.indicator}`);
  }
  if (expect.alsoFires && expect.alsoFires.length > 0) {
    const others = expect.alsoFires.map((entry) =>
      typeof entry === 'string' ? entry : `${entry.card} (${entry.indicator})`,
    );
    parts.push(`also ${others.join(', ')}`);
  }
  if (expect.exact === false) {
    parts.push('other cards allowed');
  }
  if (expect.mustNot && expect.mustNot.length > 0) {
    parts.push(`not ${expect.mustNot.join(', ')}`);
  }
  if (expect.summaryIncludes !== undefined) {
    parts.push(`summary mentions "${expect.summaryIncludes}"`);
  }
  if (expect.detailIncludes !== undefined) {
    parts.push(`detail mentions "${expect.detailIncludes}"`);
  }
  if (expect.detailExcludes && expect.detailExcludes.length > 0) {
    parts.push(`detail does not mention ${expect.detailExcludes.map((t) => `"${t}"`).join(', ')}`);
  }
  return parts.length > 0 ? parts.join('; ') : 'no expectation';
}
