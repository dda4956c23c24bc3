import type { Mechanism } from './mechanism';
import { apapDailyLimit } from './analgesic/apap-daily-limit';
import { gabapentinoidMaxDailyDose } from './analgesic/gabapentinoid-max-daily-dose';
import { renalClearance } from './analgesic/renal-clearance';
import { correctedCalcium } from './cramp/corrected-calcium';
import { DVT_MECHANISMS } from './dvt/dvt-mechanisms';
import { WELLS_MECHANISMS } from './dvt/wells-mechanisms';
import { pregnancyCurrent, pregnancyGestationalWeeks } from './pregnancy/pregnancy-mechanisms';
import { sameAs } from './shared/same-as';

/**
 * The FHIR-free mechanisms of the shipped packs (rules/cramp, rules/analgesic, facts/shared, the pregnancy assessment,
 * the DVT mechanisms over facts, interval Wells), by the
 * name their `*.facts.json` sources give. Every rule set registers them; a site pack adds its own
 * through pack.json `mechanisms` (see docs/guides/site-packs.md).
 */
export const SHIPPED_MECHANISMS: ReadonlyMap<string, Mechanism> = new Map<string, Mechanism>([
  ['correctedCalcium', correctedCalcium],
  ['renalClearance', renalClearance],
  ['apapDailyLimit', apapDailyLimit],
  ['gabapentinoidMaxDailyDose', gabapentinoidMaxDailyDose],
  ['sameAs', sameAs],
  ['pregnancy.current', pregnancyCurrent],
  ['pregnancy.gestationalWeeks', pregnancyGestationalWeeks],
  ...DVT_MECHANISMS,
  ...WELLS_MECHANISMS,
]);
