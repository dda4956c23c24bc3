/**
 * Load-time check of the DVT pack's `parameters` (read at request time by `dvtParam`, issue 19 point
 * 5), run once for the pack by the mechanism of `dvt.triggered`, which every DVT rule reads. A typo
 * fails `soleus validate` and the service start, not the first request.
 */
import type { Issue } from '../../errors';
import type { PackParameters } from '../mechanism';
import { DVT_PACK } from './dvt-param';

type ParamType = 'string' | 'number' | 'string[]';

/**
 * Every DVT pack parameter the DVT mechanisms read, with its type (fhir
 * test/record-parameter-checks keeps this list equal to the `dvtParam` calls of the DVT mechanisms).
 */
export const DVT_PARAMETERS: Readonly<Record<string, ParamType>> = {
  'anticoagulation.lmwhProphylacticMaxMgPerDay': 'number',
  'ddimer.ageAdjustedFactor': 'number',
  'ddimer.ageAdjustedOverAge': 'number',
  'ddimer.allValueSet': 'string',
  'ddimer.analyte': 'string',
  'ddimer.cutoffFeu': 'number',
  'ddimer.cutoffDdu': 'number',
  'ddimer.dduValueSet': 'string',
  'ddimer.feuValueSet': 'string',
  'ddimer.qualitativeValueSet': 'string',
  diagnosisTriggerValueSets: 'string[]',
  'elevatedDdimer.ageOver': 'number',
  'elevatedDdimer.inpatientClassCodes': 'string[]',
  evidenceWindow: 'string',
  'fever.thresholdCel': 'number',
  'fever.valueSet': 'string',
  negativeResultValueSet: 'string',
  'pe.spo2BelowPercent': 'number',
  'pe.spo2ValueSet': 'string',
  positiveResultValueSet: 'string',
  triggerValueSets: 'string[]',
  triggerWindow: 'string',
  'ultrasound.negativeValueSets': 'string[]',
  'ultrasound.positiveValueSets': 'string[]',
  'ultrasound.repeatAfter': 'string',
  'ultrasound.valueSet': 'string',
  ultrasoundScope: 'string',
  unilateralTriggerValueSets: 'string[]',
  'wells.calfCircumferenceValueSet': 'string',
  'wells.calfDifferenceCm': 'number',
  'wells.likelyAtLeast': 'number',
  'wells.unlikelyAtMost': 'number',
  wellsQuestionnaire: 'string',
};

/**
 * Checks the DVT pack's parameters against {@link DVT_PARAMETERS}.
 * @param pack - pack parameters by id
 * @returns one error per missing or mistyped parameter
 */
export function checkDvtParameters(pack: PackParameters): Issue[] {
  const root = pack(DVT_PACK);
  return Object.entries(DVT_PARAMETERS).flatMap(([path, type]) => {
    const value = path
      .split('.')
      .reduce<unknown>(
        (node, key) =>
          node !== null && typeof node === 'object'
            ? (node as Record<string, unknown>)[key]
            : undefined,
        root,
      );
    const ok =
      type === 'string[]'
        ? Array.isArray(value) && value.every((v) => typeof v === 'string')
        : typeof value === type && (type !== 'number' || Number.isFinite(value));
    if (ok) {
      return [];
    }
    const pointer = `/parameters/${path.split('.').join('/')}`;
    const file = `${DVT_PACK}/pack.json`;
    return [
      {
        severity: 'error' as const,
        code: 'SOLEUS_FACT_PARAMETER' as const,
        message: `${file}#${pointer}: expected a ${type}, found ${value === undefined ? 'nothing' : typeof value}`,
        location: { file, pointer },
      },
    ];
  });
}
