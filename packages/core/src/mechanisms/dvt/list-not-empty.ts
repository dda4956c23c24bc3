import type { Mechanism } from '../mechanism';
import { checkFactParams, factName } from './fact-params';

/** Whether the list fact named in `fact` has an item (unknown when that fact is not a list). */
export const listNotEmpty: Mechanism = {
  compute: (params, ctx) => {
    const list = ctx.fact(factName(params, 'fact')).value;
    return { value: Array.isArray(list) ? list.length > 0 : null };
  },
  requires: () => [],
  checkParams: (params) => checkFactParams(params, { fact: 'string' }),
};
