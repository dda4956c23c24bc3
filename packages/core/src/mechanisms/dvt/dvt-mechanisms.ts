import type { Mechanism } from '../mechanism';
import { anticoagulationStatus } from './anticoagulation-status';
import { calfSwellingMeasured } from './calf-swelling-measured';
import { ddimerExplanation, ddimerVerdict } from './ddimer-mechanisms';
import { ddimerReliable } from './ddimer-reliable';
import { dvtModifiers } from './dvt-modifiers';
import { elevatedDdimerContexts } from './elevated-ddimer-contexts';
import { dvtEpisodeStart, dvtTriggered } from './episode-mechanisms';
import { feverInEpisode } from './fever-in-episode';
import { inpatientNow } from './inpatient-now';
import { listNotEmpty } from './list-not-empty';
import { lowSpo2InEpisode } from './low-spo2-in-episode';
import { notExcluded } from './not-excluded';
import { previousDvt } from './previous-dvt';
import { redFlagInEpisode } from './red-flag-in-episode';
import {
  ultrasoundExplanation,
  ultrasoundPending,
  ultrasoundRepeatNegative,
  ultrasoundVerdict,
} from './ultrasound-mechanisms';
import { ultrasoundScope } from './ultrasound-scope';

/** The FHIR-free DVT mechanisms (over facts, pack parameters and record readings), by the name dvt.facts.json gives. */
export const DVT_MECHANISMS: ReadonlyArray<readonly [string, Mechanism]> = [
  ['dvt.triggered', dvtTriggered],
  ['dvt.episodeStart', dvtEpisodeStart],
  ['dvt.redFlagInEpisode', redFlagInEpisode],
  ['dvt.feverInEpisode', feverInEpisode],
  ['dvt.lowSpo2InEpisode', lowSpo2InEpisode],
  ['dvt.calfSwellingMeasured', calfSwellingMeasured],
  ['dvt.inpatient', inpatientNow],
  ['dvt.previousDvt', previousDvt],
  ['dvt.ultrasoundScope', ultrasoundScope],
  ['dvt.anticoagulation', anticoagulationStatus],
  ['dvt.ddimerReliable', ddimerReliable],
  ['dvt.modifiers', dvtModifiers],
  ['dvt.elevatedDdimerContexts', elevatedDdimerContexts],
  ['dvt.listNotEmpty', listNotEmpty],
  ['dvt.notExcluded', notExcluded],
  ['dvt.ddimerResult', ddimerVerdict],
  ['dvt.ddimerExplanation', ddimerExplanation],
  ['dvt.ultrasoundResult', ultrasoundVerdict],
  ['dvt.ultrasoundPending', ultrasoundPending],
  ['dvt.ultrasoundRepeatNegative', ultrasoundRepeatNegative],
  ['dvt.ultrasoundExplanation', ultrasoundExplanation],
];
