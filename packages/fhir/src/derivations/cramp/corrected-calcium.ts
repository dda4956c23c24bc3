/**
 * Albumin-corrected total calcium (clinical-spec §B.1): Ca mg/dL + 0.8 × (4.0 − albumin g/dL), which in
 * the catalogue's units is Ca mmol/L + coefficient × (reference albumin g/L − albumin g/L). The
 * coefficient and reference albumin are pack parameters; both inputs are other facts (latest valid
 * result in their window, already converted), so unknown calcium or albumin gives unknown.
 */
import type { Derivation } from '../../facts/derivations';
import { numberFact, packNumber, stringParam } from '../analgesic/derivation-inputs';

/** The `correctedCalcium` derivation: albumin-corrected total calcium in mmol/L. */
export const correctedCalcium: Derivation = {
  compute: (params, ctx) => {
    const pack = stringParam(params, 'pack', ctx);
    const calciumFact = stringParam(params, 'calciumFact', ctx);
    const albuminFact = stringParam(params, 'albuminFact', ctx);
    if (pack === null || calciumFact === null || albuminFact === null) {
      return { value: null, unit: 'mmol/L' };
    }
    const calcium = numberFact(ctx, calciumFact);
    const albumin = numberFact(ctx, albuminFact);
    if (calcium.value === null || albumin.value === null) {
      return { value: null, unit: 'mmol/L' };
    }
    const reference = packNumber(ctx, pack, ['correctedCalcium', 'referenceAlbuminGPerL']);
    const coefficient = packNumber(ctx, pack, ['correctedCalcium', 'coefficientMmolPerLPerGPerL']);
    if (reference === null || coefficient === null) {
      return { value: null, unit: 'mmol/L' };
    }
    return {
      value: calcium.value + coefficient * (reference - albumin.value),
      unit: 'mmol/L',
      evidence: [...calcium.evidence, ...albumin.evidence],
    };
  },
  // Reads only catalogue facts named in params; their own sources carry the (value-set narrowed) data
  // requirements, and the rules that use this fact also name those inputs, so discovery prefetches them.
  // An unnarrowed requirement here would widen the prefetch to every resource of the type.
  requires: () => [],
};
