/**
 * Albumin-corrected total calcium (clinical-spec §B.1): Ca mg/dL + 0.8 × (4.0 − albumin g/dL), which in
 * the catalogue's units is Ca mmol/L + coefficient × (reference albumin g/L − albumin g/L). The
 * coefficient and reference albumin are pack parameters; both inputs are other facts (latest valid
 * result in their window, already converted), so unknown calcium or albumin gives unknown.
 */
import type { Mechanism } from '../mechanism';
import {
  collectParameterIssues,
  numberFact,
  packNumber,
  stringParam,
  type ParameterReader,
} from '../mechanism-inputs';

/** The `correctedCalcium` mechanism: albumin-corrected total calcium in mmol/L. */
export const correctedCalcium: Mechanism = {
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
    const constants = readConstants(ctx, pack);
    if (constants === null) {
      return { value: null, unit: 'mmol/L' };
    }
    const { reference, coefficient } = constants;
    return {
      value: calcium.value + coefficient * (reference - albumin.value),
      unit: 'mmol/L',
      evidence: [...calcium.evidence, ...albumin.evidence],
    };
  },
  // Reads only catalogue facts named in params (no `requires`): their own sources carry the data
  // requirements, and an unnarrowed requirement here would widen the prefetch to every resource.
  checkParams: (params, pack) =>
    collectParameterIssues(pack, (reader) => {
      const id = stringParam(params, 'pack', reader);
      stringParam(params, 'calciumFact', reader);
      stringParam(params, 'albuminFact', reader);
      if (id !== null) {
        readConstants(reader, id);
      }
    }),
};

function readConstants(
  reader: ParameterReader,
  pack: string,
): { reference: number; coefficient: number } | null {
  const reference = packNumber(reader, pack, ['correctedCalcium', 'referenceAlbuminGPerL']);
  const coefficient = packNumber(reader, pack, ['correctedCalcium', 'coefficientMmolPerLPerGPerL']);
  return reference === null || coefficient === null ? null : { reference, coefficient };
}
