import type { Derivation } from '../../facts/derivations';
import { apapDailyLimit } from './apap-daily-limit';
import { gabapentinoidMaxDailyDose } from './gabapentinoid-max-daily-dose';
import { renalClearance } from './renal-clearance';

/** The derivations of rule set C (analgesic ladder), by the name `analgesic.facts.json` sources give. */
export const ANALGESIC_DERIVATIONS: ReadonlyArray<readonly [string, Derivation]> = [
  ['renalClearance', renalClearance],
  ['apapDailyLimit', apapDailyLimit],
  ['gabapentinoidMaxDailyDose', gabapentinoidMaxDailyDose],
];
