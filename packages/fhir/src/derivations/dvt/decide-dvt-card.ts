/**
 * The decision table of clinical-spec §A.6 (NICE NG158 two-level Wells by default) as a pure function,
 * so every row is tested directly. Rows the table leaves open are DESIGN CHOICES recorded in the rules'
 * notes and docs/guides/dvt-pathway.md:
 * - pregnant with a negative scan → repeat scan (`dvt-repeat-us`): D-dimer cannot be used, Wells is not validated;
 * - Wells likely, negative scan, negative D-dimer that is unreliable (anticoagulated) → `dvt-ddimer-unreliable`;
 * - Wells unlikely with a negative scan → excluded whatever the D-dimer (NICE: unlikely + positive
 *   D-dimer + negative scan = excluded; a negative scan after an unlikely score needs no D-dimer);
 * - `whole-leg` scope: one negative whole-leg scan excludes DVT when Wells is likely (ASH 2018;
 *   Kraaijpoel 2020), where the NICE proximal pathway asks for a D-dimer;
 * - Wells likely with a repeat negative scan 6+ days after the first negative one → excluded (NICE
 *   1.1.5–1.1.6), even when the first scan or the positive D-dimer is now older than 7 days.
 * - a preliminary positive scan (never confirming) → `dvt-likely-imaging` until the final report.
 * Never returns `dvt-excluded` on an unknown: Wells indeterminate, no scan and no usable D-dimer all
 * lead to a work-up card.
 */

/** The DVT card ids the decision can produce. */
export type DvtCard =
  | 'dvt-confirmed'
  | 'dvt-likely-imaging'
  | 'dvt-ddimer-required'
  | 'dvt-ddimer-positive-imaging'
  | 'dvt-ddimer-unreliable'
  | 'dvt-repeat-us'
  | 'dvt-wells-incomplete'
  | 'dvt-excluded';

/** What the decision reads. */
export interface DvtDecisionInput {
  /** False when no trigger opened an episode: the pathway does not run. */
  readonly triggered: boolean;
  /** A DVT diagnosis Condition with onset in the episode. */
  readonly confirmedCondition: boolean;
  readonly wellsClass: 'likely' | 'unlikely' | 'indeterminate';
  readonly ultrasound: 'positive' | 'negative' | null;
  /**
   * A preliminary positive scan of the episode: it confirms nothing, but the work-up cannot end on it —
   * DVT is treated as likely until the final report (safe reading; optional, false when absent).
   */
  readonly ultrasoundPending?: boolean;
  /** A repeat negative scan at least 6 days after an earlier negative scan of the episode (NICE). */
  readonly repeatScanNegative: boolean;
  readonly ddimer: 'positive' | 'negative' | null;
  /** False when pregnant or (possibly) therapeutically anticoagulated. */
  readonly ddimerReliable: boolean;
  readonly pregnant: boolean;
  readonly ultrasoundScope: 'proximal' | 'whole-leg';
}

/**
 * Picks the one DVT card for the episode.
 * @param input - the episode's facts
 * @returns the card id, or null when the pathway does not run
 */
export function decideDvtCard(input: DvtDecisionInput): DvtCard | null {
  if (!input.triggered) {
    return null;
  }
  if (input.ultrasound === 'positive' || input.confirmedCondition) {
    return 'dvt-confirmed';
  }
  if (input.ultrasoundPending === true) {
    return 'dvt-likely-imaging';
  }
  if (input.pregnant) {
    return input.ultrasound === 'negative' ? 'dvt-repeat-us' : 'dvt-ddimer-unreliable';
  }
  switch (input.wellsClass) {
    case 'indeterminate':
      return 'dvt-wells-incomplete';
    case 'likely':
      return decideLikely(input);
    case 'unlikely':
      return decideUnlikely(input);
  }
}

function decideLikely(input: DvtDecisionInput): DvtCard {
  if (input.ultrasound === null) {
    return 'dvt-likely-imaging';
  }
  if (input.ultrasoundScope === 'whole-leg' || input.repeatScanNegative) {
    return 'dvt-excluded';
  }
  if (input.ddimer === null) {
    return 'dvt-ddimer-required';
  }
  if (input.ddimer === 'positive') {
    return 'dvt-repeat-us';
  }
  return input.ddimerReliable ? 'dvt-excluded' : 'dvt-ddimer-unreliable';
}

function decideUnlikely(input: DvtDecisionInput): DvtCard {
  if (input.ultrasound === 'negative') {
    return 'dvt-excluded';
  }
  if (input.ddimer === null) {
    return 'dvt-ddimer-required';
  }
  if (input.ddimer === 'positive') {
    return 'dvt-ddimer-positive-imaging';
  }
  return input.ddimerReliable ? 'dvt-excluded' : 'dvt-ddimer-unreliable';
}
