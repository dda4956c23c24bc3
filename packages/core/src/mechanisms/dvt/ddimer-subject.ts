import { displayReported } from '../../text/display-unit';
import type { RecordReading } from '../records/record-reading';

/**
 * Names one D-dimer result in card text: "D-dimer 600 ng/mL FEU (21 Nov 2026)", "D-dimer (21 Nov
 * 2026)" without a number, "D-dimer" without a usable date — never its resource id.
 * @param reading - the D-dimer reading
 * @returns the subject of a clinician line
 */
export function ddimerSubject(reading: RecordReading): string {
  const q = reading.value;
  const value =
    q.kind === 'quantity' && !q.fromText
      ? ` ${displayReported(`${q.comparator ?? ''}${q.value} ${q.code ?? q.unit ?? ''}`.trim())}`
      : '';
  return `D-dimer${value}${reading.day === undefined ? '' : ` (${reading.day})`}`;
}
