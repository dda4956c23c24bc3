import type { Mechanism } from '../mechanism';
import { checkFactParams, factName } from './fact-params';

/**
 * `dvt.ddimerReliable` (clinical-spec §A.5): a D-dimer is reliable only when pregnancy is known to be
 * absent and anticoagulation is none or prophylactic; anything unknown makes it unreliable.
 */
export const ddimerReliable: Mechanism = {
  compute: (params, ctx) => {
    const pregnant = ctx.fact(factName(params, 'pregnantFact')).value;
    const anticoagulation = ctx.fact(factName(params, 'anticoagulationFact')).value;
    return {
      value:
        pregnant === false && (anticoagulation === 'none' || anticoagulation === 'prophylactic'),
    };
  },
  requires: () => [],
  checkParams: (params) =>
    checkFactParams(params, { pregnantFact: 'string', anticoagulationFact: 'string' }),
};
