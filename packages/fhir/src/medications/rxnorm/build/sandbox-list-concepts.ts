/**
 * Reads the CDS Hooks sandbox medication list (`cuiToName`, `pillToComponentSets`,
 * `componentSetsToPrescribables`) as reference concepts. Its relations say which clinical drug
 * components (SCDC/SBDC) make up each prescribable product (SCD/SBD) and each dose-form group
 * (SCDG/SBDG, `… Pill`); the term type follows from where a code appears and from the `[Brand]` of its
 * name. Ingredient (IN) codes are not in the list: the builder matches ingredients by name.
 */
import { parseRxnormName, type ParsedComponent } from '../parse-rxnorm-name';
import type { IndexTty } from '../rxnorm-index-file';
import { baseName } from '../ingredient-names';
import type { ReferenceComponent, ReferenceConcept } from './reference-concept';

/** The sandbox list's JSON shape. */
export interface SandboxMedicationList {
  readonly cuiToName: Readonly<Record<string, string>>;
  /** Dose-form group → the component sets (arrays of SCDC/SBDC codes) of its products. */
  readonly pillToComponentSets: Readonly<Record<string, readonly (readonly string[])[]>>;
  /** Comma-joined component set → the prescribable products (SCD/SBD) made of it. */
  readonly componentSetsToPrescribables: Readonly<Record<string, readonly string[]>>;
}

/**
 * Turns the sandbox list into reference concepts (products, components, groups), in code order.
 * @param list - the parsed JSON
 * @returns one concept per RxCUI of `cuiToName`
 */
export function sandboxListConcepts(list: SandboxMedicationList): ReferenceConcept[] {
  const names = list.cuiToName;
  const parts = (rxcui: string): ParsedComponent[] | undefined => {
    const parsed = parseRxnormName(names[rxcui] ?? '');
    return parsed?.kind === 'component' ? [...parsed.components] : undefined;
  };
  const componentsOfSet = (set: readonly string[]): ReferenceComponent[] | undefined => {
    const all = set.map(parts);
    return all.every((p) => p !== undefined) ? all.flat() : undefined;
  };
  const setOfProduct = new Map<string, string>();
  for (const [set, products] of Object.entries(list.componentSetsToPrescribables)) {
    products.forEach((p) => setOfProduct.set(p, set));
  }
  const inSets = new Set(
    Object.keys(list.componentSetsToPrescribables).flatMap((s) => s.split(',')),
  );
  const brands = new Set(
    Object.values(names).flatMap((n) => parseRxnormName(n)?.brand?.toLowerCase() ?? []),
  );
  const concepts: ReferenceConcept[] = [];
  for (const [rxcui, name] of Object.entries(names)) {
    const branded = parseRxnormName(name)?.brand !== undefined;
    const set = setOfProduct.get(rxcui);
    const groupSets = list.pillToComponentSets[rxcui];
    if (set !== undefined) {
      const components = componentsOfSet(set.split(','));
      concepts.push({
        rxcui,
        tty: branded ? 'SBD' : 'SCD',
        name,
        ...(components ? { components } : {}),
      });
    } else if (groupSets) {
      concepts.push(groupConcept(rxcui, name, groupSets, componentsOfSet, brands));
    } else {
      const tty: IndexTty = inSets.has(rxcui) && branded ? 'SBDC' : 'SCDC';
      concepts.push({ rxcui, tty, name });
    }
  }
  return concepts;
}

/** A `… Pill` group: the union of its products' ingredients (by base name), without strengths. */
function groupConcept(
  rxcui: string,
  name: string,
  sets: readonly (readonly string[])[],
  componentsOfSet: (set: readonly string[]) => ReferenceComponent[] | undefined,
  brands: ReadonlySet<string>,
): ReferenceConcept {
  const byBase = new Map<string, ReferenceComponent>();
  for (const set of sets) {
    for (const c of componentsOfSet(set) ?? []) {
      const base = baseName(c.substance);
      if (!byBase.has(base)) {
        byBase.set(base, { substance: c.substance });
      }
    }
  }
  const head = name.replace(/ Pill$/, '');
  const branded = brands.has(head.toLowerCase());
  return {
    rxcui,
    tty: branded ? 'SBDG' : 'SCDG',
    name,
    ...(branded ? { brand: head } : {}),
    ...(byBase.size > 0 ? { components: [...byBase.values()] } : {}),
  };
}
