/**
 * Discovery generated from the rule packs: one service per hook, with prefetch templates derived from
 * the data the hook's rules need. Queries are narrowed by code where CDS Hooks' token rules allow
 * (`code=system|code,…` token equality), so an EHR sends tens of resources, not the whole record.
 */
import type { RuleSet } from '@soleus/core';
import type { DataRequirement } from '../facts/data-requirement';
import { factRequirements } from '../facts/fact-requirements';
import { factsUsedByHook } from '../facts/facts-used-by-hook';
import { HOOKS, type Hook } from '../evaluate/hooks';
import type { CdsDiscoveryResponse, CdsService } from './types';

/** Service id for a hook. */
export function serviceIdFor(hook: Hook): string {
  return `soleus-${hook}`;
}

const DESCRIPTIONS: Record<Hook, string> = {
  'patient-view':
    'Calf pain: DVT must be excluded before a benign attribution; red flags; cramp work-up.',
  'order-select': 'Analgesic ladder and cramp medication safety for the selected draft orders.',
  'order-sign':
    'Analgesic ladder and cramp medication safety before signing: doses, contraindications, interactions.',
};

/**
 * Builds the discovery response.
 * @param ruleSet - the loaded rule set
 * @returns one service per hook that has at least one active rule
 */
export function buildDiscovery(ruleSet: RuleSet): CdsDiscoveryResponse {
  const services: CdsService[] = [];
  for (const hook of HOOKS) {
    const rules = ruleSet.rules.filter(
      (r) => r.definition.status === 'active' && r.definition.hooks.includes(hook),
    );
    if (rules.length > 0) {
      services.push({
        hook,
        id: serviceIdFor(hook),
        title: `Soleus calf-pain CDS (${hook})`,
        description: DESCRIPTIONS[hook],
        prefetch: prefetchTemplates(ruleSet, hook),
      });
    }
  }
  return { services };
}

/**
 * Prefetch templates for a hook: key → FHIR query with `{{context.patientId}}`.
 * @param ruleSet - the loaded rule set
 * @param hook - the hook
 * @returns the templates
 */
export function prefetchTemplates(ruleSet: RuleSet, hook: Hook): Record<string, string> {
  const groups = new Map<string, DataRequirement[]>();
  for (const requirement of hookRequirements(ruleSet, hook)) {
    // Medications keep one key per type: past statuses some facts need widen it (see below).
    const status = STATUS_ACTIVE.has(requirement.resourceType) ? '' : (requirement.status ?? '');
    const group = `${requirement.resourceType}|${status}`;
    groups.set(group, [...(groups.get(group) ?? []), requirement]);
  }
  const templates: Record<string, string> = { patient: 'Patient/{{context.patientId}}' };
  for (const [, requirements] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const type = requirements[0]?.resourceType ?? 'Patient';
    if (STATUS_ACTIVE.has(type)) {
      const statuses = medicationStatuses(requirements);
      templates[prefetchKey(type, '')] = searchTemplate(ruleSet, type, requirements, statuses);
    } else if (type !== 'Patient') {
      const status = requirements[0]?.status ?? '';
      templates[prefetchKey(type, status)] = searchTemplate(ruleSet, type, requirements, status);
    }
  }
  return templates;
}

/**
 * The statuses one medication key asks for: `active` unless a fact reads past therapy too (e.g. the
 * antineoplastics of Wells item 1), then the union of what they ask for, `active` included.
 */
function medicationStatuses(requirements: readonly DataRequirement[]): string {
  const asked = requirements.flatMap((r) => (r.status ? r.status.split(',') : []));
  return asked.length === 0 ? '' : [...new Set(['active', ...asked])].join(',');
}

/** `encounters`, or `encountersInProgress` for a status-restricted query of the same type. */
function prefetchKey(type: DataRequirement['resourceType'], status: string): string {
  const words = status.split(/[^A-Za-z0-9]+/).filter((w) => w.length > 0);
  return PREFETCH_KEYS[type] + words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

const PREFETCH_KEYS: Record<DataRequirement['resourceType'], string> = {
  Patient: 'patient',
  Observation: 'observations',
  Condition: 'conditions',
  Procedure: 'procedures',
  MedicationRequest: 'medicationRequests',
  MedicationStatement: 'medicationStatements',
  DiagnosticReport: 'diagnosticReports',
  QuestionnaireResponse: 'questionnaireResponses',
  Encounter: 'encounters',
};

/**
 * The token search parameter that holds each type's classifying code (FHIR R4 search parameters):
 * narrowing is possible when every value set involved is enumerable.
 */
const CODE_PARAMETER: Readonly<Record<string, string>> = {
  Observation: 'code',
  Condition: 'code',
  Procedure: 'code',
  DiagnosticReport: 'code',
  Encounter: 'reason-code',
};
const STATUS_ACTIVE = new Set(['MedicationRequest', 'MedicationStatement']);

function searchTemplate(
  ruleSet: RuleSet,
  type: string,
  requirements: readonly DataRequirement[],
  status: string,
): string {
  const base = `${type}?patient={{context.patientId}}${status ? `&status=${status}` : ''}`;
  if (STATUS_ACTIVE.has(type)) {
    return status ? base : `${base}&status=active`;
  }
  const codeParameter = CODE_PARAMETER[type];
  if (status || !codeParameter || requirements.some((r) => r.valueSet === undefined)) {
    return base;
  }
  const tokens = new Set<string>();
  for (const requirement of requirements) {
    const codings = ruleSet.terminology.expand?.(requirement.valueSet ?? '');
    if (!codings) {
      return base; // a value set with code families (prefixes) cannot be listed: ask for the type
    }
    codings.forEach((c) => tokens.add(`${c.system ?? ''}|${c.code ?? ''}`));
  }
  return tokens.size === 0 ? base : `${base}&${codeParameter}=${[...tokens].sort().join(',')}`;
}

/** Every data requirement of the facts the hook's rules use (directly or via derivations). */
function hookRequirements(ruleSet: RuleSet, hook: Hook): DataRequirement[] {
  return [...factsUsedByHook(ruleSet, hook)].flatMap((name) => factRequirements(ruleSet, name));
}
