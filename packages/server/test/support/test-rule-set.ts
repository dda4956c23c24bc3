/**
 * The rule set server tests run against: the shipped data-quality rule (copied under
 * `test/fixtures/rules`), an age probe that reads the Patient and never fires, and the shared fact
 * catalogue, so server behaviour is tested independently of the clinical packs being edited. A request
 * whose Patient is only partly received (PARTIAL_PATIENT) could have made the probe fire, so the
 * data-quality card shows: every test has a card on demand.
 */
import { join } from 'node:path';
import { DEFAULT_CONTENT, loadRuleSet, type ContentDirs, type RuleSet } from '@soleus/core';

/** Content directories of the server test rule set. */
export const TEST_CONTENT: ContentDirs = {
  ...DEFAULT_CONTENT,
  rulesDir: join(__dirname, '..', 'fixtures', 'rules'),
  factsDir: join(__dirname, '..', 'fixtures', 'facts'),
};

let cached: Promise<RuleSet> | undefined;

/**
 * Loads (once) the server test rule set.
 * @returns the rule set
 */
export function loadTestRuleSet(): Promise<RuleSet> {
  cached ??= loadRuleSet(TEST_CONTENT);
  return cached;
}

/** The fixed server clock of the tests. */
export const NOW = new Date('2026-01-15T10:00:00.000Z');

/** Patient-view service id of the test rule set. */
export const PATIENT_VIEW = 'soleus-patient-view';
