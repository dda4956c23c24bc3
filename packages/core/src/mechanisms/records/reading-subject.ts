import type { RecordReading } from './record-reading';

/**
 * Names a record entry as the subject of a clinician line: "D-dimer (21 Nov 2026)", "hCG (21 Nov
 * 2026)", "A result" — never its resource id.
 * @param reading - the entry
 * @param name - what to call it when the record has no name for it (default: the kind word)
 * @returns the subject
 */
export function readingSubject(reading: RecordReading, name?: string): string {
  const what = reading.name ?? name ?? reading.kindWord;
  return reading.day === undefined ? what : `${what} (${reading.day})`;
}

/**
 * Names a record entry by what the mechanism read it as, whatever the record calls it: "Leg vein
 * ultrasound (21 Nov 2026)".
 * @param reading - the entry
 * @param name - what to call it
 * @returns the subject
 */
export function namedSubject(reading: RecordReading, name: string): string {
  return reading.day === undefined ? name : `${name} (${reading.day})`;
}
