import type { Mechanism } from '../mechanism';
import { checkFactParams, factName } from './fact-params';

/** The anticoagulation states worth a line on a DVT card (none says nothing). */
const ANTICOAGULATION_WORDS = new Map<unknown, readonly string[]>([
  ['therapeutic', ['On therapeutic anticoagulation']],
  ['prophylactic', ['On prophylactic-dose anticoagulation only']],
  [
    null,
    [
      'Anticoagulation: may be therapeutic (a dose could not be read, or it is recorded only as provisional)',
    ],
  ],
]);

/** `dvt.modifiers`: the card lines for what changes the D-dimer's meaning (pregnancy, anticoagulation). */
export const dvtModifiers: Mechanism = {
  compute: (params, ctx) => {
    const pregnant = ctx.fact(factName(params, 'pregnantFact')).value === true;
    const anticoagulation = ctx.fact(factName(params, 'anticoagulationFact')).value;
    return {
      value: [
        ...(pregnant ? ['Pregnant'] : []),
        ...(ANTICOAGULATION_WORDS.get(anticoagulation) ?? []),
      ],
    };
  },
  requires: () => [],
  checkParams: (params) =>
    checkFactParams(params, { pregnantFact: 'string', anticoagulationFact: 'string' }),
};
