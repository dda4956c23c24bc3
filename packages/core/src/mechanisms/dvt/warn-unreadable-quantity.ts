import type { MechanismContext } from '../mechanism';
import { namedSubject } from '../records/reading-subject';
import type { RecordReading } from '../records/record-reading';

/** What a bedside measurement is and what its value should have been, for the issue's two texts. */
export interface MeasurementWords {
  /** For the engineer, e.g. "body temperature". */
  readonly what: string;
  /** The expected unit, e.g. "a temperature unit" or "%". */
  readonly expectedUnit: string;
  /** For the clinician when the record gives no name, e.g. "Temperature". */
  readonly subject: string;
}

/**
 * Reports a measurement whose quantity cannot be read in the unit the mechanism needs: a data-quality
 * warning (the reading is then unknown, never normal), with the clinician line naming the record.
 * @param ctx - the mechanism context
 * @param reading - the measurement
 * @param words - how to name it
 * @param problem - what is wrong with its value, as a predicate ("has no unit")
 */
export function warnUnreadableQuantity(
  ctx: MechanismContext,
  reading: RecordReading,
  words: MeasurementWords,
  problem: string,
): void {
  ctx.issues.add({
    severity: 'warning',
    code: 'SOLEUS_FHIR_UNINTERPRETABLE',
    message: `${words.what}: expected a valueQuantity in ${words.expectedUnit}; treated as unknown`,
    location: { resource: reading.ref, path: 'valueQuantity' },
    clinicianText: `${namedSubject(reading, words.subject)} ${problem}; treated as unknown`,
  });
}
