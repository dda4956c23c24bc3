/**
 * Extra resources for the "unmutated parts keep their cards" property: one realistic resource of every
 * type Soleus reads (status, dates, quantities, dosage, contained Medication, Wells-like answers …), all
 * coded in a system no value set uses, so they can never change a card. The fuzzer mutates only these;
 * the seed's own resources stay intact, and its cards (data-quality aside) must not change.
 */
import type { FhirResource } from 'fhir/r4';
import { applyMutations, type Mutation } from './fuzz-mutations';

const NOISE = 'urn:soleus:fuzz-noise';
const concept = (code: string) => ({ coding: [{ system: NOISE, code, display: code }] });
const quantity = {
  value: 4.2,
  unit: 'mmol/L',
  system: 'http://unitsofmeasure.org',
  code: 'mmol/L',
};

function noiseResources(patientId: string, at: string): FhirResource[] {
  const subject = { reference: `Patient/${patientId}` };
  const dosage = {
    sequence: 1,
    timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd', when: ['MORN'] } },
    asNeededBoolean: false,
    route: concept('route'),
    doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet', code: '{tbl}' } }],
    maxDosePerPeriod: {
      numerator: { value: 4, unit: 'tablet' },
      denominator: { value: 1, unit: 'd' },
    },
  };
  const resources: Record<string, unknown>[] = [
    {
      resourceType: 'Observation',
      status: 'final',
      code: concept('obs'),
      effectiveDateTime: at,
      valueQuantity: quantity,
      interpretation: [concept('H')],
      referenceRange: [{ low: quantity, high: quantity }],
      component: [{ code: concept('comp'), valueQuantity: quantity }],
      bodySite: concept('site'),
    },
    {
      resourceType: 'Condition',
      clinicalStatus: { coding: [{ code: 'active' }] },
      verificationStatus: { coding: [{ code: 'confirmed' }] },
      code: concept('cond'),
      bodySite: [concept('site')],
      onsetDateTime: at,
      recordedDate: at,
    },
    {
      resourceType: 'Procedure',
      status: 'completed',
      code: concept('proc'),
      performedDateTime: at,
    },
    {
      resourceType: 'DiagnosticReport',
      status: 'final',
      code: concept('report'),
      effectiveDateTime: at,
      conclusionCode: [concept('conclusion')],
    },
    {
      resourceType: 'Encounter',
      status: 'finished',
      class: { system: NOISE, code: 'noise' },
      reasonCode: [concept('reason')],
      period: { start: at, end: at },
    },
    {
      resourceType: 'MedicationRequest',
      status: 'active',
      intent: 'order',
      medicationReference: { reference: '#noise-med' },
      contained: [
        {
          resourceType: 'Medication',
          id: 'noise-med',
          code: concept('med'),
          form: concept('form'),
          ingredient: [
            {
              itemCodeableConcept: concept('ingredient'),
              strength: {
                numerator: { value: 5, unit: 'mg' },
                denominator: { value: 1, unit: 'mL' },
              },
            },
          ],
        },
      ],
      dosageInstruction: [dosage],
    },
    {
      resourceType: 'MedicationStatement',
      status: 'active',
      medicationCodeableConcept: concept('statement'),
      dosage: [dosage],
    },
    {
      resourceType: 'QuestionnaireResponse',
      status: 'completed',
      questionnaire: `${NOISE}/Questionnaire/noise`,
      authored: at,
      item: [{ linkId: 'noise', answer: [{ valueBoolean: true }], item: [{ linkId: 'n2' }] }],
    },
  ];
  return resources.map((r, i) => ({ ...r, id: `noise-${i}`, subject }) as unknown as FhirResource);
}

/**
 * Adds mutated noise resources to a copy of a seed request (each in the prefetch key of its type; a
 * mutated draft order too, for the order hooks). Only the noise is mutated.
 * @param request - the seed request (not modified)
 * @param keyOfType - resource type → prefetch key
 * @param mutations - what to do to the noise
 * @returns the request with mutated noise and the paths touched
 */
export function withMutatedNoise(
  request: Readonly<Record<string, unknown>>,
  keyOfType: ReadonlyMap<string, string>,
  mutations: readonly Mutation[],
): { request: Record<string, unknown>; touched: string[] } {
  const context = request['context'] as Record<string, unknown>;
  const patientId = String(context['patientId']);
  const noise = noiseResources(patientId, '2026-11-20T08:00:00Z');
  const byKey: Record<string, unknown> = {};
  for (const resource of noise) {
    const key = keyOfType.get(resource.resourceType);
    if (key !== undefined) {
      const bundle = (byKey[key] ??= { resourceType: 'Bundle', type: 'searchset', entry: [] });
      (bundle as { entry: unknown[] }).entry.push({ resource });
    }
  }
  const hasDrafts = context['draftOrders'] !== undefined;
  const draft = { ...noise[5], id: 'noise-draft', status: 'draft' };
  const noiseRequest = {
    prefetch: byKey,
    context: hasDrafts
      ? { draftOrders: { resourceType: 'Bundle', entry: [{ resource: draft }] } }
      : {},
  };
  const mutated = applyMutations(noiseRequest, mutations);
  const copy = structuredClone(request) as Record<string, unknown>;
  mergeNoise(copy, mutated.request);
  return { request: copy, touched: mutated.touched };
}

function mergeNoise(request: Record<string, unknown>, noise: Record<string, unknown>): void {
  const prefetch = request['prefetch'] as Record<string, { entry?: unknown[] } | null>;
  for (const [key, bundle] of Object.entries(
    (noise['prefetch'] ?? {}) as Record<string, unknown>,
  )) {
    const target = prefetch[key];
    if (target && Array.isArray(target.entry)) {
      target.entry.push(...entriesOf(bundle));
    }
  }
  const noiseContext = noise['context'] as Record<string, unknown> | undefined;
  const drafts = (request['context'] as Record<string, unknown>)['draftOrders'] as
    { entry?: unknown[] } | undefined;
  if (drafts && Array.isArray(drafts.entry) && noiseContext?.['draftOrders'] !== undefined) {
    drafts.entry.push(...entriesOf(noiseContext['draftOrders']));
  }
}

/** A mutated noise bundle's entries (a retyped `entry` is kept as one odd entry). */
function entriesOf(bundle: unknown): unknown[] {
  const entry = (bundle as { entry?: unknown } | null)?.entry;
  if (entry === undefined) {
    return [];
  }
  return Array.isArray(entry) ? entry : [entry];
}
