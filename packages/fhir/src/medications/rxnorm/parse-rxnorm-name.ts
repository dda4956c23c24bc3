/**
 * Parses an RxNorm normalized name (clinical-spec §9.6) into its parts, strictly within the grammar of
 * `data/rxnorm-grammar.json`:
 *
 *     [qualifier] [quantity factor] substance strength ( / substance strength)* [dose form] [[brand]]
 *
 * e.g. `Abuse-Deterrent 12 HR Oxycodone Hydrochloride 15 MG Extended Release Oral Tablet`,
 * `10 ML Furosemide 10 MG/ML Injection`, `Naproxen 500 MG Oral Tablet [Naprosyn]`, a clinical drug
 * component `Oxycodone Hydrochloride 5 MG`, a dose-form group `Ibuprofen / Phenylephrine Pill`, a
 * clinical drug form `Ibuprofen Oral Tablet`, an ingredient `Acetaminophen / Hydrocodone`, or a pack
 * of clinical drugs `{21 (ethinyl estradiol 0.03 MG / levonorgestrel 0.15 MG Oral Tablet) / 7 (inert
 * ingredients 1 MG Oral Tablet) } Pack [Levora 0.15/30 28 Day]` (RxNorm GPCK/BPCK). Anything else (a
 * pack synonym `Camila 28 Day Pack`, a local name such as `METHADONE HCL 10 MG TABLET`, a unit written
 * `40mg`) does not parse: the caller treats it as unidentified and never guesses.
 */
import { rxnormGrammar, type GrammarDoseForm, type GrammarQuantityUnit } from './rxnorm-grammar';
import type { RxnormStrength } from './rxnorm-strength';

/** One `substance strength` part, or a bare substance in group, form and ingredient names. */
export interface ParsedComponent {
  /** As written, e.g. `Oxycodone Hydrochloride` (the precise ingredient the strength refers to). */
  readonly substance: string;
  readonly strength?: RxnormStrength;
}

/** Which kind of RxNorm name it is (SCD/SBD, SCDC/SBDC, SCDG/SBDG, SCDF/SBDF, IN/MIN, GPCK/BPCK). */
export type ParsedNameKind =
  'clinical-drug' | 'component' | 'group' | 'drug-form' | 'ingredient' | 'pack';

/** One `N (clinical drug)` item of a pack. */
export interface ParsedPackItem {
  readonly count: number;
  readonly drug: ParsedRxnormName;
}

/** A parsed normalized name. */
export interface ParsedRxnormName {
  readonly kind: ParsedNameKind;
  readonly components: readonly ParsedComponent[];
  readonly doseForm?: GrammarDoseForm;
  readonly brand?: string;
  /** Volume or count factor of the prefix, e.g. `10 ML` → 10 mL. */
  readonly quantity?: RxnormStrength;
  /** Duration factor of the prefix, e.g. `12 HR` → 12 h. */
  readonly duration?: RxnormStrength;
  readonly qualifiers: readonly string[];
  /**
   * The items of a pack. Its `components` are then every substance of the items, with a strength only
   * when every item that holds the substance holds it at the same strength; its `doseForm` is the items'
   * when they all share one.
   */
  readonly packItems?: readonly ParsedPackItem[];
}

interface Compiled {
  readonly forms: readonly { lower: string; form: GrammarDoseForm; group: boolean }[];
  readonly strengthUnits: ReadonlyMap<string, string>;
  readonly quantityUnits: ReadonlyMap<string, GrammarQuantityUnit>;
  readonly qualifiers: ReadonlyMap<string, string>;
}

let compiled: Compiled | undefined;

function grammarLookups(): Compiled {
  if (compiled) {
    return compiled;
  }
  const g = rxnormGrammar();
  const forms = [
    ...g.doseForms.map((form) => ({ lower: form.name.toLowerCase(), form, group: false })),
    ...g.groupForms.map((form) => ({ lower: form.name.toLowerCase(), form, group: true })),
  ].sort((a, b) => b.lower.length - a.lower.length);
  compiled = {
    forms,
    strengthUnits: new Map(g.strengthUnits.map((u) => [u.rxnorm.toLowerCase(), u.ucum])),
    quantityUnits: new Map(g.quantityUnits.map((u) => [u.rxnorm.toLowerCase(), u])),
    qualifiers: new Map(g.qualifiers.map((q) => [q.name.toLowerCase(), q.name])),
  };
  return compiled;
}

const NUMBER = /^\d+(?:\.\d+)?$/;
const BRAND = /^(.*?)\s*\[([^[\]]+)\]$/;
const PACK = /^\{\s*(.*?)\s*\}\s*Pack$/i;
const PACK_ITEM = /^(\d+) \(([^()]+)\)$/;

/** A pack body `21 (drug A) / 7 (drug B)`: every item a clinical drug, nothing else. */
function parsePack(body: string, brand: string | undefined): ParsedRxnormName | undefined {
  const items: ParsedPackItem[] = [];
  for (const part of body.split(/(?<=\)) \/ (?=\d+ \()/)) {
    const item = PACK_ITEM.exec(part.trim());
    const drug = item ? parseRxnormName(item[2] ?? '') : undefined;
    const count = Number(item?.[1] ?? 0);
    if (!drug || drug.kind !== 'clinical-drug' || drug.brand !== undefined || count <= 0) {
      return undefined;
    }
    items.push({ count, drug });
  }
  if (items.length === 0) {
    return undefined;
  }
  const strengths = new Map<string, (RxnormStrength | undefined)[]>();
  for (const { drug } of items) {
    for (const c of drug.components) {
      const key = c.substance.toLowerCase();
      strengths.set(key, [...(strengths.get(key) ?? []), c.strength]);
    }
  }
  const components: ParsedComponent[] = [];
  const seen = new Set<string>();
  for (const c of items.flatMap((i) => i.drug.components)) {
    const key = c.substance.toLowerCase();
    if (seen.has(key)) {
      continue;
    }
    seen.add(key);
    const all = strengths.get(key) ?? [];
    const same = all.every(
      (s) => s && c.strength && s.value === c.strength.value && s.unit === c.strength.unit,
    );
    components.push(
      same && c.strength
        ? { substance: c.substance, strength: c.strength }
        : { substance: c.substance },
    );
  }
  const forms = new Set(items.map((i) => i.drug.doseForm?.name));
  const form = forms.size === 1 ? items[0]?.drug.doseForm : undefined;
  return {
    kind: 'pack',
    components,
    ...(form ? { doseForm: form } : {}),
    ...(brand ? { brand } : {}),
    qualifiers: [],
    packItems: items,
  };
}

/**
 * Parses a name under the RxNorm normalized-name grammar (case-insensitive for units and forms, so
 * tall-man lettering such as `oxyCODONE` and all-lower-case names parse too).
 * @param text - a `Coding.display`, `CodeableConcept.text` or RxNorm `STR`
 * @returns the parts, or undefined when the text is not a normalized name
 */
export function parseRxnormName(text: string): ParsedRxnormName | undefined {
  let rest = text.trim().replace(/\s+/g, ' ');
  if (rest === '' || rest.length > 400) {
    return undefined;
  }
  let brand: string | undefined;
  const branded = BRAND.exec(rest);
  if (branded) {
    rest = branded[1] ?? '';
    brand = branded[2]?.trim();
  }
  const pack = PACK.exec(rest);
  if (pack) {
    return parsePack(pack[1] ?? '', brand);
  }
  if (/[[\]{}]/.test(rest) || rest === '') {
    return undefined;
  }
  const { forms } = grammarLookups();
  const lower = rest.toLowerCase();
  const found = forms.find((f) => lower.endsWith(` ${f.lower}`));
  if (found) {
    rest = rest.slice(0, rest.length - found.lower.length - 1);
  }
  const prefix = readPrefix(rest.split(' '));
  if (!prefix) {
    return undefined;
  }
  const components = readComponents(prefix.remainder);
  if (!components) {
    return undefined;
  }
  const kind = kindOf(components.withStrength, found);
  const hasPrefix = prefix.qualifiers.length > 0 || prefix.quantity || prefix.duration;
  if (!kind || (hasPrefix && kind !== 'clinical-drug')) {
    return undefined;
  }
  return {
    kind,
    components: components.parts,
    ...(found ? { doseForm: found.form } : {}),
    ...(brand ? { brand } : {}),
    ...(prefix.quantity ? { quantity: prefix.quantity } : {}),
    ...(prefix.duration ? { duration: prefix.duration } : {}),
    qualifiers: prefix.qualifiers,
  };
}

function kindOf(
  withStrength: boolean,
  form: { group: boolean } | undefined,
): ParsedNameKind | undefined {
  if (!form) {
    return withStrength ? 'component' : 'ingredient';
  }
  if (form.group) {
    return withStrength ? undefined : 'group';
  }
  return withStrength ? 'clinical-drug' : 'drug-form';
}

interface Prefix {
  readonly qualifiers: string[];
  quantity?: RxnormStrength;
  duration?: RxnormStrength;
  readonly remainder: string;
}

function readPrefix(tokens: readonly string[]): Prefix | undefined {
  const { qualifiers, quantityUnits } = grammarLookups();
  const prefix: { qualifiers: string[]; quantity?: RxnormStrength; duration?: RxnormStrength } = {
    qualifiers: [],
  };
  let i = 0;
  for (;;) {
    const token = tokens[i] ?? '';
    const qualifier = qualifiers.get(token.toLowerCase());
    if (qualifier !== undefined) {
      prefix.qualifiers.push(qualifier);
      i += 1;
      continue;
    }
    const unit = quantityUnits.get((tokens[i + 1] ?? '').toLowerCase());
    if (!NUMBER.test(token) || !unit || i + 2 >= tokens.length) {
      break;
    }
    const key = unit.kind === 'duration' ? 'duration' : 'quantity';
    if (prefix[key]) {
      return undefined;
    }
    prefix[key] = { value: Number(token), unit: unit.ucum };
    i += 2;
  }
  return { ...prefix, remainder: tokens.slice(i).join(' ') };
}

function readComponents(
  text: string,
): { parts: ParsedComponent[]; withStrength: boolean } | undefined {
  const parts = text.split(' / ').map(readComponent);
  if (parts.some((p) => p === undefined)) {
    return undefined;
  }
  const ok = parts as ParsedComponent[];
  const strengths = ok.filter((p) => p.strength !== undefined).length;
  if (strengths !== 0 && strengths !== ok.length) {
    return undefined;
  }
  return { parts: ok, withStrength: strengths > 0 };
}

function readComponent(part: string): ParsedComponent | undefined {
  const tokens = part.split(' ');
  const { strengthUnits } = grammarLookups();
  const unit = strengthUnits.get((tokens.at(-1) ?? '').toLowerCase());
  const value = tokens.at(-2) ?? '';
  if (unit !== undefined && NUMBER.test(value) && tokens.length >= 3) {
    const substance = tokens.slice(0, -2).join(' ');
    return isSubstance(substance)
      ? { substance, strength: { value: Number(value), unit } }
      : undefined;
  }
  // A bare substance (group, form and ingredient names) holds no number at all: `METHADONE HCL 10 MG
  // TABLET`, `Lasix 40mg` and `Ibuprofen 200` are local names, not normalized ones.
  return isSubstance(part) && !tokens.some((token) => /^\d/.test(token))
    ? { substance: part }
    : undefined;
}

function isSubstance(text: string): boolean {
  return /[A-Za-z]{2}/.test(text) && !text.includes('/') && !/^\d+(?:\.\d+)? /.test(text);
}
