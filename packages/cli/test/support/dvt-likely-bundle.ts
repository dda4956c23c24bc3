import { join } from 'node:path';

/**
 * A vignette bundle written for 2026-11-22T09:00:00Z (Wells likely, no scan) that fires
 * `dvt-likely-imaging` on patient-view: a patient whose evaluation must produce a card.
 */
export const DVT_LIKELY_BUNDLE = join(
  __dirname,
  '..',
  '..',
  '..',
  'fhir',
  'test',
  'vignettes',
  'dvt-likely-imaging',
  'likely-no-scan.bundle.json',
);
