/**
 * Reads an RxNorm release (RXNCONSO.RRF, RXNREL.RRF, RXNSAT.RRF; the full release or the "Current
 * Prescribable Content" subset, which needs no licence) into reference concepts for the index builder.
 * Relations give each product its parts and each part its ingredient (IN) directly:
 * SCD/SBD `consists_of` SCDC/SBDC `has_ingredient` IN; packs `contains` drugs; dose-form groups and
 * clinical drug forms are related to their drugs by `isa`. Relations are matched by the term types at
 * both ends, so the direction a row is written in does not matter. Strengths come from the component's
 * normalized name, else from its basis-of-strength attributes (RXN_BOSS_STRENGTH_*) in RXNSAT.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SoleusError } from '@soleus/core';
import { parseRxnormName } from '../../parse-rxnorm-name';
import { rxnormGrammar } from '../../rxnorm-grammar';
import type { IndexTty } from '../../rxnorm-index-file';
import type { RxnormStrength } from '../../rxnorm-strength';
import type { ReferenceComponent, ReferenceConcept } from '../reference-concept';
import { readRrfRows } from './read-rrf-rows';
import { CONSO, REL, SAT } from './rrf-columns';

const PRODUCT_TTYS = new Set<string>([
  'SCD',
  'SBD',
  'GPCK',
  'BPCK',
  'SCDG',
  'SBDG',
  'SCDF',
  'SBDF',
]);
const COMPONENT_TTYS = new Set<string>(['SCDC', 'SBDC']);
const KEPT_TTYS = new Set<string>([...PRODUCT_TTYS, ...COMPONENT_TTYS, 'IN']);
const RELAS = new Set([
  'has_ingredient',
  'ingredient_of',
  'consists_of',
  'constitutes',
  'contains',
  'contained_in',
  'isa',
  'inverse_isa',
  'tradename_of',
  'has_tradename',
]);
const BOSS = 'RXN_BOSS_STRENGTH_';

/** The three files, found in the directory itself or in its `rrf/` folder (as NLM's zip unpacks). */
export const RRF_FILES = ['RXNCONSO.RRF', 'RXNREL.RRF', 'RXNSAT.RRF'] as const;

/**
 * Finds the release files.
 * @param dir - the release directory
 * @returns the absolute paths of RXNCONSO, RXNREL and RXNSAT
 * @throws {SOLEUS_RXNORM_INDEX} when a file is missing
 */
export function rrfFiles(dir: string): string[] {
  const base = existsSync(join(dir, 'rrf', 'RXNCONSO.RRF')) ? join(dir, 'rrf') : dir;
  const files = RRF_FILES.map((name) => join(base, name));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new SoleusError(
      'SOLEUS_RXNORM_INDEX',
      `${dir}: expected the RxNorm release files ${RRF_FILES.join(', ')} (in the directory or its rrf/ folder), found none at ${missing.join(', ')}`,
    );
  }
  return files;
}

/**
 * Reads a release into reference concepts and the names of all its ingredients.
 * @param dir - the release directory
 * @returns products, components, packs and groups, and every IN name
 * @throws {SOLEUS_RXNORM_INDEX} when a file is missing
 */
export async function readRrfRelease(
  dir: string,
): Promise<{ concepts: ReferenceConcept[]; ingredientNames: string[]; files: string[] }> {
  const files = rrfFiles(dir);
  const [consoFile, relFile, satFile] = files as [string, string, string];
  const names = new Map<string, { tty: string; name: string }>();
  await readRrfRows(consoFile, (f) => {
    const tty = f[CONSO.TTY] ?? '';
    const rxcui = f[CONSO.RXCUI] ?? '';
    if (
      f[CONSO.SAB] === 'RXNORM' &&
      KEPT_TTYS.has(tty) &&
      isCurrent(f[CONSO.SUPPRESS]) &&
      !names.has(rxcui)
    ) {
      names.set(rxcui, { tty, name: f[CONSO.STR] ?? '' });
    }
  });
  const related = new Map<string, Set<string>>();
  await readRrfRows(relFile, (f) => {
    const [a, b] = [f[REL.RXCUI1] ?? '', f[REL.RXCUI2] ?? ''];
    if (f[REL.SAB] === 'RXNORM' && RELAS.has(f[REL.RELA] ?? '') && names.has(a) && names.has(b)) {
      link(related, a, b);
      link(related, b, a);
    }
  });
  const boss = new Map<string, Map<string, string>>();
  await readRrfRows(satFile, (f) => {
    const atn = f[SAT.ATN] ?? '';
    const rxcui = f[SAT.RXCUI] ?? '';
    if (f[SAT.SAB] === 'RXNORM' && atn.startsWith(BOSS) && names.get(rxcui)?.tty === 'SCDC') {
      const attrs = boss.get(rxcui) ?? new Map<string, string>();
      attrs.set(atn.slice(BOSS.length), f[SAT.ATV] ?? '');
      boss.set(rxcui, attrs);
    }
  });
  const graph = { names, related, boss };
  const concepts = [...names]
    .filter(([, c]) => PRODUCT_TTYS.has(c.tty) || COMPONENT_TTYS.has(c.tty))
    .map(([rxcui, c]) => conceptOf(rxcui, c.tty as IndexTty, c.name, graph));
  const ingredientNames = [...names.values()].filter((c) => c.tty === 'IN').map((c) => c.name);
  return { concepts, ingredientNames, files };
}

interface Graph {
  readonly names: ReadonlyMap<string, { tty: string; name: string }>;
  readonly related: ReadonlyMap<string, ReadonlySet<string>>;
  readonly boss: ReadonlyMap<string, ReadonlyMap<string, string>>;
}

function conceptOf(rxcui: string, tty: IndexTty, name: string, graph: Graph): ReferenceConcept {
  const components = componentsOf(rxcui, tty, graph);
  const brand = brandOf(tty, name);
  return {
    rxcui,
    tty,
    name,
    ...(brand ? { brand } : {}),
    ...(components.length > 0 ? { components } : {}),
  };
}

/** A brand pack's `[Brand]` and a brand group's name (`Tylenol Pill`); other names carry theirs. */
function brandOf(tty: IndexTty, name: string): string | undefined {
  if (tty === 'BPCK') {
    return /\[([^[\]]+)\]$/.exec(name)?.[1];
  }
  const parsed = tty === 'SBDG' ? parseRxnormName(name) : undefined;
  const [only, ...rest] = parsed?.kind === 'group' ? parsed.components : [];
  return only && rest.length === 0 ? only.substance : undefined;
}

function componentsOf(rxcui: string, tty: string, graph: Graph): ReferenceComponent[] {
  const near = (ttys: readonly string[]) =>
    [...(graph.related.get(rxcui) ?? [])].filter((r) =>
      ttys.includes(graph.names.get(r)?.tty ?? ''),
    );
  if (COMPONENT_TTYS.has(tty)) {
    return partsOf(rxcui, graph);
  }
  if (tty === 'SCD' || tty === 'SBD') {
    return near(['SCDC', 'SBDC']).flatMap((c) => partsOf(c, graph));
  }
  const drugs = near(['SCD', 'SBD']);
  const parts = drugs.flatMap((d) => componentsOf(d, graph.names.get(d)?.tty ?? '', graph));
  // Groups and forms name ingredients without strengths; packs keep each drug's strengths.
  const kept = tty === 'GPCK' || tty === 'BPCK' ? parts : parts.map((p) => withoutStrength(p));
  const unique = new Map(
    kept.map((p) => [
      `${p.ingredientRxcui ?? p.substance}|${p.strength?.value ?? ''}|${p.strength?.unit ?? ''}`,
      p,
    ]),
  );
  return [...unique.values()];
}

function withoutStrength(part: ReferenceComponent): ReferenceComponent {
  return {
    substance: part.substance,
    ...(part.ingredientRxcui ? { ingredientRxcui: part.ingredientRxcui } : {}),
  };
}

/** A component's part: its name's substance and strength (else BoSS), and its related IN. */
function partsOf(component: string, graph: Graph): ReferenceComponent[] {
  const parsed = parseRxnormName(graph.names.get(component)?.name ?? '');
  const [part, ...rest] = parsed?.kind === 'component' ? parsed.components : [];
  if (!part || rest.length > 0) {
    return [];
  }
  const ingredient = ingredientOf(component, graph);
  const strength = part.strength ?? bossStrength(graph.boss.get(component));
  return [
    {
      substance: part.substance,
      ...(strength ? { strength } : {}),
      ...(ingredient ? { ingredientRxcui: ingredient } : {}),
    },
  ];
}

function ingredientOf(component: string, graph: Graph): string | undefined {
  const direct = [...(graph.related.get(component) ?? [])].find(
    (r) => graph.names.get(r)?.tty === 'IN',
  );
  if (direct !== undefined || graph.names.get(component)?.tty !== 'SBDC') {
    return direct;
  }
  // A branded component reaches its ingredient through its clinical component (tradename_of).
  const clinical = [...(graph.related.get(component) ?? [])].find(
    (r) => graph.names.get(r)?.tty === 'SCDC',
  );
  return clinical === undefined ? undefined : ingredientOf(clinical, graph);
}

/** RXN_BOSS_STRENGTH_NUM_VALUE / _NUM_UNIT / _DENOM_VALUE / _DENOM_UNIT as a grammar strength. */
function bossStrength(attrs: ReadonlyMap<string, string> | undefined): RxnormStrength | undefined {
  const num = Number(attrs?.get('NUM_VALUE'));
  const numUnit = attrs?.get('NUM_UNIT') ?? '';
  const denom = Number(attrs?.get('DENOM_VALUE') ?? '1');
  const denomUnit = attrs?.get('DENOM_UNIT') ?? '';
  if (!Number.isFinite(num) || !Number.isFinite(denom) || denom <= 0) {
    return undefined;
  }
  const rxnormUnit = denomUnit === '' || denomUnit === '1' ? numUnit : `${numUnit}/${denomUnit}`;
  const ucum = rxnormGrammar().strengthUnits.find(
    (u) => u.rxnorm === rxnormUnit.toUpperCase(),
  )?.ucum;
  return ucum === undefined ? undefined : { value: num / denom, unit: ucum };
}

function link(map: Map<string, Set<string>>, from: string, to: string): void {
  const set = map.get(from) ?? new Set<string>();
  set.add(to);
  map.set(from, set);
}

/** SUPPRESS `N` (or empty) is current content; `O` obsolete, `Y`/`E` suppressed. */
function isCurrent(suppress: string | undefined): boolean {
  return suppress === undefined || suppress === '' || suppress === 'N';
}
