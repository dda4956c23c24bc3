import { CliUsageError } from '../cli-io';

/** What a vignette case expects of the CDS Hooks response (packages/fhir/test/vignettes/README.md). */
export interface VignetteExpect {
  /** Whether the manifest's rule card is in the response. */
  readonly fires?: boolean;
  /** The indicator of the rule's card. */
  readonly indicator?: string;
  /** Card ids that must not be in the response. */
  readonly mustNot?: readonly string[];
  /**
   * Other cards that must be in the response: a card id, or the id with the indicator it must carry.
   */
  readonly alsoFires?: readonly (string | VignetteOtherCard)[];
  /**
   * Whether the expected cards (the rule's own when `fires`, and `alsoFires`) are the exact set:
   * any other card in the response fails the case. Default true; `false` opts a case out (say why in
   * its `desc`), and then `mustNot` names the near-miss cards that must stay silent.
   */
  readonly exact?: boolean;
  /** Text the rule's card summary must contain. */
  readonly summaryIncludes?: string;
  /** Text the rule's card detail must contain. */
  readonly detailIncludes?: string;
  /**
   * Texts the rule's card detail must not contain: the paragraph of a card variant that adds text
   * (rather than replacing the summary or indicator) and must not hold at this edge.
   */
  readonly detailExcludes?: readonly string[];
}

/** Another card a case expects, with the indicator it must carry. */
export interface VignetteOtherCard {
  readonly card: string;
  readonly indicator: string;
}

/** The card id an `alsoFires` entry names. */
export function otherCardId(entry: string | VignetteOtherCard): string {
  return typeof entry === 'string' ? entry : entry.card;
}

/** One case of a vignette manifest: a bundle and what the response must look like. */
export interface VignetteCase {
  readonly desc: string;
  readonly bundle: string;
  readonly hook?: string;
  readonly now?: string;
  readonly draftOrders?: string;
  readonly selections?: readonly string[];
  /** The context patient id (`soleus evaluate --patient`); default: the bundle's one Patient. */
  readonly patient?: string;
  readonly expect: VignetteExpect;
}

/** A vignette manifest (`<rule-id>/manifest.json`). */
export interface VignetteManifest {
  readonly rule: string;
  readonly hook: string;
  readonly now: string;
  readonly cases: readonly VignetteCase[];
  /**
   * Bundles of this folder that are deliberately not valid FHIR R4 (a messy-record case), each with the
   * reason; every other bundle must validate against the FHIR R4 JSON schema.
   */
  readonly invalidFhir?: Readonly<Record<string, string>>;
}

type Json = Record<string, unknown>;

/**
 * Checks the shape of a parsed manifest and returns it typed.
 * @param json - the parsed manifest.json
 * @param file - the manifest path, for messages
 * @returns the manifest
 * @throws {CliUsageError} naming the file, the JSON pointer, what was expected and what was found
 */
export function parseVignetteManifest(json: unknown, file: string): VignetteManifest {
  const top = object(json, file, '');
  str(top, file, '', 'rule');
  str(top, file, '', 'hook');
  str(top, file, '', 'now');
  const cases = top['cases'];
  if (!Array.isArray(cases) || cases.length === 0) {
    fail(file, '/cases', 'a non-empty array of cases', cases);
  }
  cases.forEach((c: unknown, i) => checkCase(c, file, `/cases/${i}`));
  if (top['invalidFhir'] !== undefined) {
    const invalid = object(top['invalidFhir'], file, '/invalidFhir');
    Object.keys(invalid).forEach((bundle) => str(invalid, file, '/invalidFhir', bundle));
  }
  return json as VignetteManifest;
}

function checkCase(value: unknown, file: string, at: string): void {
  const c = object(value, file, at);
  str(c, file, at, 'desc');
  str(c, file, at, 'bundle');
  for (const key of ['hook', 'now', 'draftOrders', 'patient']) {
    if (c[key] !== undefined) {
      str(c, file, at, key);
    }
  }
  if (c['selections'] !== undefined) {
    strings(c['selections'], file, `${at}/selections`);
  }
  const e = object(c['expect'], file, `${at}/expect`);
  const eAt = `${at}/expect`;
  if (e['fires'] !== undefined && typeof e['fires'] !== 'boolean') {
    fail(file, `${eAt}/fires`, 'true or false', e['fires']);
  }
  for (const key of ['indicator', 'summaryIncludes', 'detailIncludes']) {
    if (e[key] !== undefined) {
      str(e, file, eAt, key);
    }
  }
  if (e['mustNot'] !== undefined) {
    strings(e['mustNot'], file, `${eAt}/mustNot`);
  }
  if (e['detailExcludes'] !== undefined) {
    const excluded = e['detailExcludes'];
    strings(excluded, file, `${eAt}/detailExcludes`);
    if (excluded.length === 0 || excluded.some((text) => text === '')) {
      fail(file, `${eAt}/detailExcludes`, 'a non-empty array of non-empty texts', excluded);
    }
    if (e['fires'] !== true) {
      // A silent card has no detail: the exclusion would hold vacuously.
      fail(file, `${eAt}/fires`, 'true on a case with detailExcludes', e['fires']);
    }
  }
  if (e['alsoFires'] !== undefined) {
    otherCards(e['alsoFires'], file, `${eAt}/alsoFires`);
  }
  if (e['exact'] !== undefined && typeof e['exact'] !== 'boolean') {
    fail(file, `${eAt}/exact`, 'true or false', e['exact']);
  }
  if (e['fires'] === true && e['indicator'] === undefined) {
    fail(
      file,
      `${eAt}/indicator`,
      "the indicator of the rule's card (every firing case checks it)",
      undefined,
    );
  }
}

function otherCards(value: unknown, file: string, at: string): void {
  if (!Array.isArray(value)) {
    fail(file, at, 'an array of card ids or { card, indicator }', value);
  }
  value.forEach((entry: unknown, i) => {
    if (typeof entry === 'string') {
      return;
    }
    const o = object(entry, file, `${at}/${i}`);
    str(o, file, `${at}/${i}`, 'card');
    str(o, file, `${at}/${i}`, 'indicator');
  });
}

function object(value: unknown, file: string, at: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(file, at, 'an object', value);
  }
  return value as Json;
}

function str(obj: Json, file: string, at: string, key: string): void {
  const value = obj[key];
  if (typeof value !== 'string' || value === '') {
    fail(file, `${at}/${key}`, 'a non-empty string', value);
  }
}

function strings(value: unknown, file: string, at: string): asserts value is string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    fail(file, at, 'an array of strings', value);
  }
}

function fail(file: string, pointer: string, expected: string, found: unknown): never {
  throw new CliUsageError(
    `malformed vignette manifest ${file} at ${pointer === '' ? '/' : pointer}: expected ${expected}, found ${describe(found)}`,
  );
}

function describe(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return value.length === 0 ? 'an empty array' : 'an array';
  }
  return typeof value === 'string' ? `string "${value.slice(0, 40)}"` : typeof value;
}
