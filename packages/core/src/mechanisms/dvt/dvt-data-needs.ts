import type { MechanismRequirement as DataRequirement, PackParameters } from '../mechanism';
import { DVT_PACK } from './dvt-param';

/** DVT pack parameters naming the value sets of the Observations the pathway reads. */
const OBSERVATION_VALUE_SETS = [
  'ddimer.allValueSet',
  'ultrasound.valueSet',
  'wells.calfCircumferenceValueSet',
  'fever.valueSet',
  'pe.spo2ValueSet',
] as const;

function readPath(root: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        value !== null && typeof value === 'object'
          ? (value as Record<string, unknown>)[key]
          : undefined,
      root,
    );
}

/**
 * The Observations and DiagnosticReports the DVT pathway reads, narrowed to the value sets its pack
 * parameters name — so discovery asks the EHR for D-dimers, venous ultrasounds, temperatures and the
 * like by code instead of every Observation of the record. A parameter that is missing yields an
 * unnarrowed requirement (asking for too much is safe; asking for too little is not).
 * @param pack - pack parameters by pack id
 * @returns the requirements
 */
export function dvtObservationNeeds(pack: PackParameters): DataRequirement[] {
  const parameters = pack(DVT_PACK);
  const needs: DataRequirement[] = [];
  for (const path of OBSERVATION_VALUE_SETS) {
    const valueSet = readPath(parameters, path);
    needs.push(
      typeof valueSet === 'string'
        ? { resourceType: 'Observation', valueSet }
        : { resourceType: 'Observation' },
    );
  }
  const ultrasound = readPath(parameters, 'ultrasound.valueSet');
  needs.push(
    typeof ultrasound === 'string'
      ? { resourceType: 'DiagnosticReport', valueSet: ultrasound }
      : { resourceType: 'DiagnosticReport' },
  );
  return needs;
}

/**
 * The Encounters that can open an episode (their reason is a trigger concept), narrowed by
 * `reason-code` to the trigger value sets the pack names.
 * @param pack - pack parameters by pack id
 * @returns the requirements (unnarrowed when the parameters are missing)
 */
export function dvtTriggerEncounterNeeds(pack: PackParameters): DataRequirement[] {
  const parameters = pack(DVT_PACK);
  const sets = [
    ...listAt(parameters, 'triggerValueSets'),
    ...listAt(parameters, 'unilateralTriggerValueSets'),
  ];
  return sets.length > 0
    ? sets.map((valueSet) => ({ resourceType: 'Encounter', valueSet }))
    : [{ resourceType: 'Encounter' }];
}

function listAt(root: unknown, path: string): string[] {
  const value = readPath(root, path);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
