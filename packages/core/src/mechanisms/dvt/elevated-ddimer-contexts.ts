import type { Fact, FactEvidence } from '../../facts/fact';
import type { Mechanism } from '../mechanism';
import { dvtParam } from './dvt-param';
import { checkFactParams } from './fact-params';

interface ContextDefinition {
  readonly fact: string;
  readonly label: string;
}

function contexts(params: Readonly<Record<string, unknown>>): ContextDefinition[] {
  const list = params['contexts'];
  return Array.isArray(list)
    ? list.filter(
        (c): c is ContextDefinition => typeof c?.fact === 'string' && typeof c?.label === 'string',
      )
    : [];
}

/**
 * Contexts in which D-dimer is usually raised (clinical-spec §A.5, ASH 2018): a negative result still
 * excludes, but the card says a positive is likely and imaging first may be better. Each context is a
 * boolean catalogue fact named in param `contexts` with its label (active cancer, recent surgery,
 * infection …), plus age above the pack's `elevatedDdimer.ageOver` read from the fact in `ageFact`.
 * @returns a string[] fact of labels (empty when none applies)
 */
export const elevatedDdimerContexts: Mechanism = {
  compute: (params, ctx): Fact => {
    const labels: string[] = [];
    const evidence: FactEvidence[] = [];
    for (const c of contexts(params)) {
      const fact = ctx.fact(c.fact);
      if (fact.value === true) {
        labels.push(c.label);
        evidence.push(...(fact.evidence ?? []));
      }
    }
    const ageFact =
      typeof params['ageFact'] === 'string' ? ctx.fact(params['ageFact']) : { value: null };
    const over = dvtParam(ctx, 'elevatedDdimer.ageOver', 'number');
    if (typeof ageFact.value === 'number' && ageFact.value > over) {
      labels.push(`age over ${over}`);
    }
    return { value: labels, evidence };
  },
  requires: () => [],
  checkParams: (params) => {
    const given = params['contexts'];
    const complete = Array.isArray(given) && contexts(params).length === given.length;
    return [
      ...checkFactParams(params, { ageFact: 'string' }),
      ...(complete
        ? []
        : [
            {
              severity: 'error' as const,
              code: 'SOLEUS_FACT_PARAMETER' as const,
              message: 'params.contexts: expected a list of { fact, label }',
              location: { pointer: '/source/params/contexts' },
            },
          ]),
    ];
  },
};
