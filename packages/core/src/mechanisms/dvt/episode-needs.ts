import type { MechanismRequirement, PackParameters } from '../mechanism';
import { dvtObservationNeeds, dvtTriggerEncounterNeeds } from './dvt-data-needs';

/**
 * The record data every DVT fact read inside an episode may rest on: the trigger Conditions and
 * Encounters, the pathway's Observations and reports, recorded assessments and the patient.
 * @param pack - pack parameters by pack id
 * @returns the requirements
 */
export function episodeNeeds(pack: PackParameters): MechanismRequirement[] {
  return [
    { resourceType: 'Condition' },
    ...dvtTriggerEncounterNeeds(pack),
    ...dvtObservationNeeds(pack),
    { resourceType: 'QuestionnaireResponse' },
    { resourceType: 'Patient' },
  ];
}
