/**
 * @soleus/fhir is a pure adapter (issue 19): FHIR reading, record index, medication index, CDS Hooks
 * protocol, cards — it names no clinical pack or concept in its code. The clinical mechanisms live in
 * @soleus/core (packages/core/src/mechanisms/**) and reach the adapter through `RuleSet.mechanisms`.
 * This test scans the adapter's source (comments removed: prose may give examples) for clinical names.
 * LEGACY lists what still reads FHIR itself and has not yet been split into a generic record reading
 * plus a core mechanism; it may only shrink.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SHIPPED_MECHANISMS } from '@soleus/core';
import { RECORD_MECHANISMS } from '../src/derivations/record-mechanisms';

const SRC = join(__dirname, '..', 'src');
const CLINICAL = /dvt|wells|d-?dimer|pregnan|gestation|hcg|calf|cramp|analgesic|nsaid/i;

/**
 * Files that still hold record-reading clinical mechanisms: none since the DVT episode, its findings
 * and Wells moved to core (issue 19). Kept so that a regression has to be listed here, visibly.
 */
const LEGACY: readonly RegExp[] = [];
/**
 * Product text, not mechanisms: the service's discovery description, the default card source label
 * ("Soleus calf-pain CDS") and the data-quality line naming recorded assessments ("e.g. Wells").
 */
const PRODUCT_TEXT = [
  /^cds-hooks\/discovery\.ts$/,
  /^cards\/results-to-cards\.ts$/,
  /^issues\/clinician-line\.ts$/,
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return sources(path);
    }
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The code of a TypeScript file without its comments. */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

function offenders(allowed: readonly RegExp[]): string[] {
  return sources(SRC)
    .map((path) => relative(SRC, path).split('\\').join('/'))
    .filter((file) => !allowed.some((pattern) => pattern.test(file)))
    .filter((file) => CLINICAL.test(code(readFileSync(join(SRC, file), 'utf8'))));
}

describe('the FHIR adapter knows no clinical pack', () => {
  it('no adapter code outside the product-text files names a clinical pack or concept', () => {
    expect(offenders([...LEGACY, ...PRODUCT_TEXT])).toEqual([]);
  });

  it('the scan finds a clinical name when one is there (the product-text files are reported without their allowance)', () => {
    expect([...offenders(LEGACY)].sort()).toEqual([
      'cards/results-to-cards.ts',
      'cds-hooks/discovery.ts',
      'issues/clinician-line.ts',
    ]);
  });

  it('no DVT folder is left in the adapter', () => {
    expect(sources(SRC).filter((path) => /derivations[\\/]dvt/.test(path))).toEqual([]);
  });

  it('the pregnancy assessment is gone from the adapter: core registers it', () => {
    expect(SHIPPED_MECHANISMS.has('pregnancy.current')).toBe(true);
    expect([...RECORD_MECHANISMS.keys()].filter((name) => /pregnan/i.test(name))).toEqual([]);
  });

  it('the DVT episode, its findings and the inpatient check are gone from the adapter: core registers them', () => {
    const moved = [
      'dvt.triggered',
      'dvt.episodeStart',
      'dvt.redFlagInEpisode',
      'dvt.feverInEpisode',
      'dvt.lowSpo2InEpisode',
      'dvt.calfSwellingMeasured',
      'dvt.inpatient',
    ];
    expect(moved.filter((name) => SHIPPED_MECHANISMS.has(name))).toEqual(moved);
    expect(moved.filter((name) => RECORD_MECHANISMS.has(name))).toEqual([]);
  });

  it('interval Wells is gone from the adapter: core registers it and no adapter file is named after it', () => {
    expect(SHIPPED_MECHANISMS.has('dvt.wellsClassAsRecorded')).toBe(true);
    expect(SHIPPED_MECHANISMS.has('dvt.wellsBreakdown')).toBe(true);
    expect([...RECORD_MECHANISMS.keys()].filter((name) => /wells/i.test(name))).toEqual([]);
    expect(sources(SRC).filter((path) => /wells/i.test(relative(SRC, path)))).toEqual([]);
  });

  it('the adapter registers no mechanism core already provides', () => {
    expect([...RECORD_MECHANISMS.keys()].filter((name) => SHIPPED_MECHANISMS.has(name))).toEqual(
      [],
    );
  });
});
