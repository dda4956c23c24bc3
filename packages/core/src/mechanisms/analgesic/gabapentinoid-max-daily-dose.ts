/**
 * Upper end of a gabapentinoid's US-label total daily dose for the patient's CrCl band (clinical-spec
 * §C.3). Bands come from the pack parameter `gabapentinoidBands.<drug>` as `{ minCrcl, maxMgPerDay }`;
 * the first band (highest minCrcl first) whose minCrcl ≤ CrCl applies, so a CrCl exactly on an edge
 * belongs to the higher-function band (the spec's boundary DESIGN CHOICE: 30 → 30–60, 60 → ≥ 60).
 * Unknown CrCl gives an unknown maximum.
 */
import type { Mechanism } from '../mechanism';
import {
  collectParameterIssues,
  numberFact,
  packValue,
  reportParameter,
  stringParam,
  type ParameterReader,
} from '../mechanism-inputs';

/** One renal dose band of a pack parameter. */
export interface DoseBand {
  /** Lowest CrCl (mL/min) of the band, inclusive. */
  readonly minCrcl: number;
  /** Upper end of the label's total daily dose in the band, mg/day. */
  readonly maxMgPerDay: number;
}

/** The `gabapentinoidMaxDailyDose` mechanism: band maximum in mg/day for params.drug. */
export const gabapentinoidMaxDailyDose: Mechanism = {
  compute: (params, ctx) => {
    const pack = stringParam(params, 'pack', ctx);
    const drug = stringParam(params, 'drug', ctx);
    const crclFact = stringParam(params, 'crclFact', ctx);
    if (pack === null || drug === null || crclFact === null) {
      return { value: null, unit: 'mg/d' };
    }
    const bands = readBands(ctx, pack, drug);
    const crcl = numberFact(ctx, crclFact);
    if (bands === null || crcl.value === null) {
      return { value: null, unit: 'mg/d' };
    }
    const band = bandFor(bands, crcl.value);
    return {
      value: band.maxMgPerDay,
      unit: 'mg/d',
      evidence: crcl.evidence.map((e) => ({ ...e, note: `CrCl band from ${band.minCrcl} mL/min` })),
    };
  },
  // Reads only catalogue facts named in params (no `requires`): their own sources carry the data
  // requirements, and an unnarrowed requirement here would widen the prefetch to every resource.
  checkParams: (params, pack) =>
    collectParameterIssues(pack, (reader) => {
      const id = stringParam(params, 'pack', reader);
      const drug = stringParam(params, 'drug', reader);
      stringParam(params, 'crclFact', reader);
      if (id !== null && drug !== null) {
        readBands(reader, id, drug);
      }
    }),
};

/**
 * Picks the band for a CrCl: the highest band whose minimum the CrCl reaches, else the lowest band.
 * @param bands - non-empty list of bands, any order
 * @param crcl - creatinine clearance, mL/min
 * @returns the band
 */
export function bandFor(bands: readonly DoseBand[], crcl: number): DoseBand {
  const sorted = [...bands].sort((a, b) => b.minCrcl - a.minCrcl);
  return sorted.find((b) => crcl >= b.minCrcl) ?? (sorted[sorted.length - 1] as DoseBand);
}

// The bands must cover every CrCl from 0 mL/min up: a lowest band starting above 0 would leave a gap
// that `bandFor` quietly fills with that band, so a typo there fails at load instead.
function readBands(ctx: ParameterReader, pack: string, drug: string): readonly DoseBand[] | null {
  const value = packValue(ctx, pack, ['gabapentinoidBands', drug]);
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(isBand) &&
    Math.min(...value.map((band) => band.minCrcl)) === 0
  ) {
    return value;
  }
  reportParameter(
    ctx,
    `${pack}/pack.json#/parameters/gabapentinoidBands/${drug}`,
    'a non-empty array of { minCrcl, maxMgPerDay } numbers whose lowest minCrcl is 0',
    value,
  );
  return null;
}

function isBand(value: unknown): value is DoseBand {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const band = value as Record<string, unknown>;
  return Number.isFinite(band['minCrcl']) && Number.isFinite(band['maxMgPerDay']);
}
