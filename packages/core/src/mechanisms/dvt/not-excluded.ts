import type { Mechanism } from '../mechanism';
import { checkFactParams, factName } from './fact-params';

/**
 * `dvt.notExcluded`, for other packs (cramp work-up): false when no DVT episode is open (the fact named
 * in `triggeredFact` is not true); else true unless the decision fact says `dvt-excluded` — and true
 * anyway when an overriding red flag is present.
 */
export const notExcluded: Mechanism = {
  compute: (params, ctx) => {
    if (ctx.fact(factName(params, 'triggeredFact')).value !== true) {
      return { value: false };
    }
    const overriding = params['overridingFacts'];
    const redFlag =
      Array.isArray(overriding) &&
      overriding.some((name) => typeof name === 'string' && ctx.fact(name).value === true);
    return {
      value: redFlag || ctx.fact(factName(params, 'decisionFact')).value !== 'dvt-excluded',
    };
  },
  requires: () => [],
  checkParams: (params) =>
    checkFactParams(params, {
      triggeredFact: 'string',
      decisionFact: 'string',
      overridingFacts: 'string[]',
    }),
};
