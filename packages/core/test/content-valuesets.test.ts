/**
 * The shipped terminology content (valuesets/, codesystems/, questionnaires/): shape, canonical urls,
 * allowed systems, and spot checks of clinically critical membership — especially the wrong
 * code/display pairs seen in public code (clinical-spec §6 item 10) and the Wells item 8 warning.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { loadValueSets } from '../src/terminology/load-value-sets';
import {
  CALF_FINDINGS_SYSTEM,
  CARD_SYSTEM,
  ICD10CM,
  LOINC,
  OVERRIDE_REASON_SYSTEM,
  RXNORM,
  SNOMED,
  SOLEUS_CANONICAL_BASE,
  VALUESET_BASE,
  WELLS_QUESTIONNAIRE,
} from '../src/terminology/systems';
import type { TerminologyProvider } from '../src/terminology/terminology-provider';
import { buildValueSetIndex } from '../src/terminology/value-set-index';

const PACKAGE_ROOT = join(__dirname, '..');
const VALUESETS_DIR = join(PACKAGE_ROOT, 'valuesets');
const DOMAINS = ['analgesic', 'cramp', 'dvt', 'shared'];
const ALLOWED_SYSTEMS = [SNOMED, ICD10CM, LOINC, RXNORM, CALF_FINDINGS_SYSTEM];

interface Concept {
  readonly code?: unknown;
  readonly display?: unknown;
}
interface Include {
  readonly system?: string;
  readonly concept?: readonly Concept[];
  readonly valueSet?: readonly string[];
}
interface ValueSetJson {
  readonly resourceType?: unknown;
  readonly id?: unknown;
  readonly url?: unknown;
  readonly version?: unknown;
  readonly status?: unknown;
  readonly name?: unknown;
  readonly title?: unknown;
  readonly description?: unknown;
  readonly purpose?: unknown;
  readonly compose?: { readonly include?: readonly Include[] };
}
interface CodeSystemJson {
  readonly resourceType?: unknown;
  readonly id?: unknown;
  readonly url?: unknown;
  readonly count?: unknown;
  readonly concept?: readonly Concept[];
}
interface QuestionnaireItem {
  readonly linkId: string;
  readonly type: string;
  readonly text: string;
}

function listFiles(dir: string, suffix: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? listFiles(path, suffix) : [path];
    })
    .filter((path) => path.endsWith(suffix))
    .sort();
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

const files = listFiles(VALUESETS_DIR, '.valueset.json');
const valueSets = files.map((path) => ({
  file: relative(VALUESETS_DIR, path),
  json: readJson<ValueSetJson>(path),
}));
const fileRows = valueSets.map(({ file, json }) => [file, json] as const);

/** Every `{ system, code, display }` of every value set, with where it sits. */
const concepts = valueSets.flatMap(({ file, json }) =>
  (json.compose?.include ?? []).flatMap((include, i) =>
    (include.concept ?? []).map((concept, j) => ({
      at: `${file}#/compose/include/${i}/concept/${j}`,
      system: include.system,
      code: concept.code,
      display: concept.display,
    })),
  ),
);

function buildIndex(): TerminologyProvider {
  const loaded = DOMAINS.map((domain) => loadValueSets(join(VALUESETS_DIR, domain)));
  const issues = loaded.flatMap((l) => l.issues);
  expect(issues).toEqual([]);
  return buildValueSetIndex(loaded.flatMap((l) => l.valueSets));
}

describe('value-set files', () => {
  it('ships value sets in every domain directory', () => {
    const domains = new Set(files.map((path) => relative(VALUESETS_DIR, path).split('/')[0]));
    expect([...domains].sort()).toEqual(DOMAINS);
    expect(files.length).toBeGreaterThanOrEqual(80);
  });

  it.each(fileRows)('%s is an active FHIR ValueSet whose url is base + id', (file, json) => {
    const id = basename(file, '.valueset.json');
    expect(json).toMatchObject({
      resourceType: 'ValueSet',
      id,
      url: `${VALUESET_BASE}/${id}`,
      // Semantic version: a content change bumps it (1.1.0 = verified class members added, issue 14).
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
      status: 'active',
    });
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    for (const key of ['name', 'title', 'description', 'purpose'] as const) {
      expect({ [key]: json[key] }).toEqual({ [key]: expect.stringMatching(/\S/) });
    }
    expect(json.purpose).toMatch(/clinical-spec §|Soleus CodeSystem/);
  });

  it('uses each id and url once', () => {
    const ids = valueSets.map(({ json }) => json.id);
    const urls = valueSets.map(({ json }) => json.url);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it.each(fileRows)(
    '%s groups concepts by an allowed system, each with code and display',
    (_f, json) => {
      const includes = json.compose?.include ?? [];
      expect(includes.length).toBeGreaterThan(0);
      const systems = includes.flatMap((inc) => (inc.system === undefined ? [] : [inc.system]));
      expect(new Set(systems).size).toBe(systems.length);
      for (const include of includes) {
        if (include.system === undefined) {
          expect(include.valueSet?.every((url) => url.startsWith(`${VALUESET_BASE}/`))).toBe(true);
          continue;
        }
        expect(ALLOWED_SYSTEMS).toContain(include.system);
        expect(include.concept?.length).toBeGreaterThan(0);
        for (const concept of include.concept ?? []) {
          expect(concept).toEqual({ code: expect.any(String), display: expect.any(String) });
          expect(String(concept.display).trim()).not.toBe('');
          expect(String(concept.code)).toMatch(/^\S+$/);
        }
      }
    },
  );

  it('uses the prefix mark only for ICD-10-CM families (SNOMED, LOINC, RxNorm are listed explicitly)', () => {
    const prefixed = concepts.filter((c) => String(c.code).endsWith('*'));
    expect(prefixed.length).toBeGreaterThan(0);
    expect(prefixed.filter((c) => c.system !== ICD10CM).map((c) => c.at)).toEqual([]);
  });

  it('loads through loadValueSets and builds one index without issues', () => {
    const index = buildIndex();
    expect(index.valueSets()).toHaveLength(files.length);
  });
});

describe('clinically critical membership', () => {
  const index = buildIndex();
  const dvtSets = ['dvt-diagnosis', 'dvt-chronic', 'dvt-previous'];

  it.each([
    ['dvt-diagnosis', SNOMED, '128053003', true],
    ['dvt-diagnosis', ICD10CM, 'I82.401', true],
    ['dvt-diagnosis', ICD10CM, 'I82.4Z1', true], // distal families must be in (VSAC VTE is proximal-only)
    ['dvt-diagnosis', ICD10CM, 'I82.461', true], // calf muscular vein
    ['dvt-diagnosis', ICD10CM, 'I82.441', true], // tibial vein
    ['dvt-diagnosis', ICD10CM, 'I83.90', false],
    ['dvt-diagnosis', ICD10CM, 'I82.811', false], // superficial (saphenous) vein thrombosis is not DVT
    ['dvt-previous', ICD10CM, 'Z86.718', true],
    ['dvt-previous', ICD10CM, 'I82.511', true],
    ['dvt-previous', ICD10CM, 'I83.93', false],
    ['varicose-veins', ICD10CM, 'I83.90', true],
    ['active-cancer', ICD10CM, 'C34.90', true],
    ['active-cancer', ICD10CM, 'C80.1', true],
    ['active-cancer', ICD10CM, 'C44.91', false], // non-melanoma skin cancer excluded (DESIGN CHOICE)
    ['active-cancer', ICD10CM, 'D05.10', false], // in situ is not C00–C96
    ['nsaid-systemic', RXNORM, '3355', true], // diclofenac: topical exemption is by route, not by code
    ['nsaid-systemic', RXNORM, '161', false],
    ['beers-avoid-nsaids', RXNORM, '35827', true],
    ['beers-avoid-nsaids', RXNORM, '5781', true],
    ['beers-avoid-nsaids', RXNORM, '5640', false],
    ['beers-anticholinergic-antidepressants', RXNORM, '32937', true],
    ['ppi-or-misoprostol', RXNORM, '4278', false], // famotidine is not gastroprotection here
    ['laba', RXNORM, '69120', false], // tiotropium is a LAMA
    ['gi-bleed', SNOMED, '260385009', false], // the Negative qualifier, mislabelled in the wild
    ['gi-bleed', SNOMED, '74474003', true],
    ['ultrasound-result-negative', SNOMED, '260385009', true],
    ['crcl-cockcroft-gault', LOINC, '2164-2', false], // 24-h urine clearance, mislabelled as C-G
    ['electrolyte-disorders', SNOMED, '43339006', false],
    ['diabetic-neuropathy', SNOMED, '126663001', false],
    ['d-dimer-qualitative', LOINC, '3246-6', false],
    ['d-dimer-all', LOINC, '48066-5', true],
    ['d-dimer-feu', LOINC, '48066-5', false], // DDU code never in the FEU set
    ['d-dimer-ddu', LOINC, '48065-7', false],
    ['egfr', LOINC, '33914-3', true],
    ['heart-failure', ICD10CM, 'I50.22', true],
    ['ckd-g4-g5-esrd', ICD10CM, 'N18.32', false],
    ['ckd-g3', ICD10CM, 'N18.32', true],
    ['ckd', ICD10CM, 'N18.6', true],
    ['peptic-ulcer', ICD10CM, 'K26.9', true],
    ['pregnancy', ICD10CM, 'O26.891', true],
    ['neuropathic-features', ICD10CM, 'M54.41', true],
    ['cramp-culprit-drugs', RXNORM, '5487', true],
    ['cardiovascular-disease', ICD10CM, 'I50.9', true],
    ['calf-findings-ischaemia', CALF_FINDINGS_SYSTEM, 'pulses-absent', true],
    ['calf-findings-ischaemia', CALF_FINDINGS_SYSTEM, 'calf-red-hot', false],
    ['calf-tendon-muscle-rupture', ICD10CM, 'S86.011A', true],
    ['limb-infection', ICD10CM, 'M86.161', true],
  ])('%s contains %s|%s → %s', (valueSet, system, code, expected) => {
    expect(index.contains(valueSet, { system, code })).toBe(expected);
  });

  it('never puts a varicose-vein code in a DVT or collateral-veins set', () => {
    const offenders = index
      .valueSets()
      .filter((url) => /dvt|collateral/.test(url))
      .filter((url) =>
        ['I83.90', 'I83.93'].some((code) => index.contains(url, { system: ICD10CM, code })),
      );
    expect(offenders).toEqual([]);
    expect(dvtSets.every((id) => index.has(id))).toBe(true);
  });

  it.each([
    ['260385009', /haemorrhage|hemorrhage|bleed/i],
    ['313782', /500/],
    ['198440', /ibuprofen/i],
    ['2164-2', /cockcroft/i],
  ])('never labels %s with a display matching %s (clinical-spec §6 item 10)', (code, wrong) => {
    const labels = concepts
      .filter((c) => c.code === code)
      .map((c) => `${c.at}: ${String(c.display)}`);
    expect(labels.filter((label) => wrong.test(label))).toEqual([]);
  });

  it('gives one code the same display in every value set of a system', () => {
    const seen = new Map<string, string>();
    const conflicts: string[] = [];
    for (const c of concepts) {
      const key = `${String(c.system)}|${String(c.code)}`;
      const first = seen.get(key);
      if (first !== undefined && first !== c.display) {
        conflicts.push(`${c.at}: "${String(c.display)}" vs "${first}"`);
      }
      seen.set(key, String(c.display));
    }
    expect(conflicts).toEqual([]);
  });
});

describe('Soleus CodeSystems', () => {
  const cardIds = [
    'pe-emergency',
    'limb-ischemia-emergency',
    'tendon-rupture-urgent',
    'infection-red-flag',
    'dvt-likely-imaging',
    'dvt-ddimer-required',
    'dvt-ddimer-positive-imaging',
    'dvt-ddimer-unreliable',
    'dvt-repeat-us',
    'dvt-wells-incomplete',
    'dvt-excluded',
    'dvt-confirmed',
    'data-quality',
    'cramp-electrolyte',
    'cramp-medication',
    'cramp-heat',
    'cramp-vascular-abi',
    'cramp-quinine',
    'nsaid-contraindicated',
    'nsaid-caution',
    'nsaid-gastroprotection',
    'nsaid-pregnancy',
    'apap-max-dose',
    'apap-contraindicated',
    'beers-pim',
    'gabapentinoid-renal-dose',
    'gabapentinoid-opioid',
  ];
  const calfCodes = [
    'limb-cold',
    'limb-pale',
    'pulses-absent',
    'limb-numb',
    'calf-pop',
    'unable-to-push-off',
    'calf-red-hot',
    'calf-circumference',
  ];
  const overrideCodes = [
    'already-addressed',
    'patient-declined',
    'benefit-outweighs-risk',
    'not-clinically-relevant',
    'data-incorrect',
    'will-order-later',
  ];

  it.each([
    ['calf-findings', CALF_FINDINGS_SYSTEM, calfCodes],
    ['card', CARD_SYSTEM, cardIds],
    ['override-reason', OVERRIDE_REASON_SYSTEM, overrideCodes],
  ])('%s.codesystem.json has url %s and the required codes', (id, url, required) => {
    const cs = readJson<CodeSystemJson>(join(PACKAGE_ROOT, 'codesystems', `${id}.codesystem.json`));
    expect(cs).toMatchObject({ resourceType: 'CodeSystem', id, url, status: 'active' });
    const codes = (cs.concept ?? []).map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(cs.count).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(required));
    for (const concept of cs.concept ?? []) {
      expect(typeof concept.display === 'string' && concept.display !== '').toBe(true);
    }
  });

  it('has exactly the card ids of clinical-spec §4', () => {
    const cs = readJson<CodeSystemJson>(join(PACKAGE_ROOT, 'codesystems', 'card.codesystem.json'));
    expect((cs.concept ?? []).map((c) => c.code).sort()).toEqual([...cardIds].sort());
  });

  it('uses only defined calf-findings codes in value sets', () => {
    const cs = readJson<CodeSystemJson>(
      join(PACKAGE_ROOT, 'codesystems', 'calf-findings.codesystem.json'),
    );
    const defined = new Set((cs.concept ?? []).map((c) => c.code));
    const used = concepts.filter((c) => c.system === CALF_FINDINGS_SYSTEM);
    expect(used.length).toBeGreaterThan(0);
    expect(used.filter((c) => !defined.has(c.code)).map((c) => c.at)).toEqual([]);
  });
});

describe('Wells DVT Questionnaire', () => {
  const q = readJson<{ resourceType: string; url: string; item: QuestionnaireItem[] }>(
    join(PACKAGE_ROOT, 'questionnaires', 'wells-dvt.questionnaire.json'),
  );
  const text = (linkId: string): string => q.item.find((i) => i.linkId === linkId)?.text ?? '';

  it('is the canonical Questionnaire of clinical-spec §9.1 with the ten boolean items', () => {
    expect(q.resourceType).toBe('Questionnaire');
    expect(q.url).toBe(WELLS_QUESTIONNAIRE);
    expect(q.url.startsWith(SOLEUS_CANONICAL_BASE)).toBe(true);
    expect(q.item.map((i) => i.linkId).sort()).toEqual(
      [
        'tenderness',
        'entireLegSwollen',
        'calfSwelling3cm',
        'pittingOedema',
        'collateralVeins',
        'paralysisOrCast',
        'bedriddenOrSurgery',
        'activeCancer',
        'previousDVT',
        'altDxAsLikely',
      ].sort(),
    );
    expect(q.item.every((i) => i.type === 'boolean')).toBe(true);
  });

  it.each([
    ['collateralVeins', /non-varicose/, /\+1 point/],
    ['altDxAsLikely', /Alternative diagnosis/, /-2 points/],
    ['calfSwelling3cm', /3 cm/, /\+1 point/],
    ['activeCancer', /Active cancer/, /\+1 point/],
  ])('item %s says %s and carries its points %s', (linkId, wording, points) => {
    expect(text(linkId)).toMatch(wording);
    expect(text(linkId)).toMatch(points);
  });
});

describe('provenance README', () => {
  const readme = readFileSync(join(VALUESETS_DIR, 'README.md'), 'utf8');

  it.each(valueSets.map(({ json }) => [String(json.id)]))(
    'lists %s in the provenance table',
    (id) => {
      expect(readme).toMatch(new RegExp(`^\\| \`${id}\` +\\|`, 'm'));
    },
  );

  it('keeps [U] codes but says so in purpose', () => {
    const flagged = valueSets.filter(({ json }) => String(json.purpose).includes('[U'));
    expect(flagged.map(({ json }) => json.id)).toEqual(
      expect.arrayContaining(['anticoagulants-therapeutic', 'diuretics-loop', 'egfr']),
    );
  });
});
