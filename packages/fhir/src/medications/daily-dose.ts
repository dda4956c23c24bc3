/**
 * Daily dose per ingredient of one medication order (clinical-spec §9.6, §C.1).
 *
 * Each dosage line gives an amount per day in its dose unit ({@link dosageRate}); the unit then
 * decides how that becomes mg of each ingredient:
 * - a count of dose units (`{tbl}`, `TAB`, `tablet`, `{capsule}`, `1`, an actuation) × each
 *   ingredient's strength per unit (`mg`, `mg/{actuat}`), or × mg/mL × the unit's volume for a product
 *   with a volume quantity factor (`10 ML Furosemide 10 MG/ML Injection`: one unit is 100 mg);
 * - a mass (`mg`, `g`, `ug`) is the ingredient amount itself, for single-ingredient products only
 *   (a mg dose of a combination does not say which ingredient it counts);
 * - a volume (`mL`) × each ingredient's mg/mL strength.
 *
 * Only ingredients some value set lists get a dose; two components of one ingredient (two salts, e.g.
 * oxycodone hydrochloride + oxycodone terephthalate) are summed.
 *
 * Several dosage lines: lines that share a `sequence` (or all carry none) are concurrent and are summed
 * (e.g. 2 tablets in the morning + 1 at night); different `sequence` values are sequential steps
 * (a taper) and the result is the highest daily dose any step reaches. One uninterpretable line makes
 * the whole order unknown — a partial sum would under-count, and unknown is never reported as 0.
 */
import type { Issue } from '@soleus/core';
import { dosageRate } from './dosage-rate';
import { classifyDoseUnit, type DoseUnit } from './dose-unit';
import { createMedicationIssue } from './medication-issue';
import { orderDosages } from './order-dosages';
import type { MedicationOrder, ResolvedIngredient, ResolvedProduct } from './resolved-product';
import { resourceRef } from '../facts/resource-ref';

/** The daily amount of one ingredient in mg (of the strength basis, e.g. naproxen sodium). */
export interface IngredientDailyDose {
  readonly rxcui: string;
  readonly name: string;
  readonly mgPerDay: number;
}

/** Daily doses per ingredient, or the issue saying why the dose is unknown. */
export type DailyDose =
  | { readonly ok: true; readonly doses: readonly IngredientDailyDose[] }
  | { readonly ok: false; readonly issue: Issue };

type Unknown = { readonly path: string; readonly what: string };

/**
 * Computes the mg per day of every ingredient of an order's product.
 * @param order - the MedicationRequest or MedicationStatement whose dosage is read
 * @param product - its resolved product (from resolveMedication)
 * @returns mg per day per ingredient, or `{ ok: false, issue }` (code SOLEUS_FHIR_UNINTERPRETABLE)
 *   when timing, dose or unit cannot be interpreted
 * @throws never: uninterpretable data comes back as an issue
 */
export function computeDailyDose(order: MedicationOrder, product: ResolvedProduct): DailyDose {
  const { element, dosages } = orderDosages(order);
  const label = resourceRef(order);
  if (dosages.length === 0) {
    return unknown(label, { path: element, what: 'expected at least one dosage line, found none' });
  }
  const bySequence = new Map<string, Map<string, number>>();
  for (const [index, dosage] of dosages.entries()) {
    const perIngredient = lineDose(dosage, `${element}[${index}]`, product);
    if (!(perIngredient instanceof Map)) {
      return unknown(label, perIngredient);
    }
    const key = String(dosage.sequence ?? '');
    bySequence.set(key, addInto(bySequence.get(key) ?? new Map<string, number>(), perIngredient));
  }
  const listed = new Map<string, string>();
  for (const i of product.ingredients) {
    if (i.rxcui !== undefined && !listed.has(i.rxcui)) {
      listed.set(i.rxcui, i.name);
    }
  }
  return {
    ok: true,
    doses: [...listed].map(([rxcui, name]) => ({
      rxcui,
      name,
      mgPerDay: highest(bySequence, rxcui),
    })),
  };
}

function lineDose(
  dosage: Parameters<typeof dosageRate>[0],
  path: string,
  product: ResolvedProduct,
): Map<string, number> | Unknown {
  const rate = dosageRate(dosage, path);
  if (!rate.ok) {
    return rate;
  }
  const unit = classifyDoseUnit(rate.quantity);
  const unitPath = `${rate.path}.unit`;
  if (!unit) {
    return {
      path: unitPath,
      what: 'expected a dose unit in tablets/capsules, mg or mL, found one that does not convert',
    };
  }
  if (unit.kind === 'mass') {
    const [only, ...rest] = product.ingredients;
    if (!only || rest.length > 0) {
      return {
        path: unitPath,
        what: `expected tablets or mL for a ${product.ingredients.length}-ingredient product, found a mass dose that names no ingredient`,
      };
    }
    return only.rxcui === undefined ? new Map() : new Map([[only.rxcui, rate.perDay * unit.toMg]]);
  }
  const doses = new Map<string, number>();
  for (const ingredient of product.ingredients.filter((i) => i.rxcui !== undefined)) {
    const perUnit = mgPerDoseUnit(ingredient, unit, product);
    if (perUnit === undefined) {
      return {
        path: unitPath,
        what:
          unit.kind === 'volume'
            ? `expected a product strength in mg/mL for a dose in mL, found ${ingredient.strength?.unit ?? 'no strength'}`
            : `expected a product strength per unit (mg, mg/{actuat}, or mg/mL of a product with a volume per unit) for a dose in units, found ${ingredient.strength?.unit ?? 'no strength'}`,
      };
    }
    const key = ingredient.rxcui ?? '';
    doses.set(key, (doses.get(key) ?? 0) + rate.perDay * perUnit);
  }
  return doses;
}

/** mg of an ingredient in one dose unit (one tablet, one actuation, one mL, one prefilled unit). */
function mgPerDoseUnit(
  ingredient: ResolvedIngredient,
  unit: Exclude<DoseUnit, { kind: 'mass' }>,
  product: ResolvedProduct,
): number | undefined {
  const strength = ingredient.strength;
  if (unit.kind === 'volume') {
    return strength?.unit === 'mg/mL' ? strength.value * unit.toMl : undefined;
  }
  if (strength?.unit === 'mg' || strength?.unit === 'mg/{actuat}') {
    return strength.value;
  }
  const volume = product.quantity?.unit === 'mL' ? product.quantity.value : undefined;
  return strength?.unit === 'mg/mL' && volume !== undefined ? strength.value * volume : undefined;
}

function addInto(
  total: Map<string, number>,
  add: ReadonlyMap<string, number>,
): Map<string, number> {
  for (const [rxcui, mg] of add) {
    total.set(rxcui, (total.get(rxcui) ?? 0) + mg);
  }
  return total;
}

function highest(
  bySequence: ReadonlyMap<string, ReadonlyMap<string, number>>,
  rxcui: string,
): number {
  const steps = [...bySequence.values()].map((step) => step.get(rxcui) ?? 0);
  // Rounded to 1 µg so that float noise never shows as a value just below a threshold.
  return Math.round(Math.max(...steps) * 1000) / 1000;
}

function unknown(label: string, reason: Unknown): DailyDose {
  return {
    ok: false,
    issue: createMedicationIssue(
      'SOLEUS_FHIR_UNINTERPRETABLE',
      label,
      reason.path,
      `${reason.what}; the daily dose is unknown (not zero)`,
    ),
  };
}
