import type { Suggestion } from '@soleus/core';
import type { CdsAction, CdsSuggestion } from '../cds-hooks/types';
import { interpolate, interpolateDeep, type TemplateScope } from './interpolate';

/**
 * Builds one CDS Hooks suggestion from a rule's template. `create`/`update` carry an interpolated FHIR
 * resource; `delete` expands to one action per `Type/id` reference held by the `resourceIdsFrom` fact
 * (the draft orders to withdraw). A suggestion whose delete has nothing to delete is dropped: offering
 * a button that does nothing would mislead. Actions come out create-first whatever the rule's order.
 * @param template - the suggestion template from the rule
 * @param scope - facts and hook context
 * @param uuid - uuid generator
 * @returns the suggestion, or undefined when it cannot be acted on
 */
export function buildSuggestion(
  template: Suggestion,
  scope: TemplateScope,
  uuid: () => string,
): CdsSuggestion | undefined {
  const actions: CdsAction[] = [];
  for (const action of template.actions) {
    const description = interpolate(action.description, scope);
    if (action.type === 'delete') {
      const refs = action.resourceIdsFrom
        ? scope.facts.get(action.resourceIdsFrom)?.value
        : undefined;
      // A draft without a usable id (`MedicationRequest/(no id)`) cannot be withdrawn by reference.
      if (!Array.isArray(refs) || refs.length === 0 || !refs.every(isRelativeReference)) {
        return undefined;
      }
      for (const ref of refs as readonly string[]) {
        actions.push({ type: 'delete', description, resourceId: ref });
      }
    } else if (action.resource) {
      const resource = interpolateDeep(action.resource, scope) as CdsAction['resource'];
      actions.push({ type: action.type, description, resource });
    } else {
      return undefined;
    }
  }
  return {
    uuid: uuid(),
    label: interpolate(template.label, scope),
    ...(template.isRecommended === undefined ? {} : { isRecommended: template.isRecommended }),
    actions: [...actions].sort((a, b) => ACTION_ORDER[a.type] - ACTION_ORDER[b.type]),
  };
}

const RELATIVE_REFERENCE = /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/;

function isRelativeReference(value: unknown): value is string {
  return typeof value === 'string' && RELATIVE_REFERENCE.test(value);
}

/**
 * Creates, then updates, then deletes (stable within a type). A spec client applies the actions of a
 * suggestion together; a client that applies them one by one and stops early (the CDS Hooks sandbox
 * stops at the first create, update or delete it applies) then ends with the replacement order, never
 * with neither the draft nor its replacement.
 */
const ACTION_ORDER: Readonly<Record<CdsAction['type'], number>> = {
  create: 0,
  update: 1,
  delete: 2,
};
