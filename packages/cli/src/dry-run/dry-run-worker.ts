/**
 * Worker thread of `soleus dry-run`: loads the rule set once from `workerData`, then evaluates each
 * item the pool posts and posts back its outcome.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleSetSync, type LoadRuleSetOptions } from '@soleus/core';
import { loadRxnormIndex } from '@soleus/fhir';
import { evaluatePopulationItem, type DryRunSettings } from './evaluate-population-item';
import type { PopulationItem } from './population-item';

/** What the pool passes to each worker at start. */
export interface DryRunWorkerData {
  readonly content: LoadRuleSetOptions;
  readonly settings: DryRunSettings;
  /** A site's medication index file (`--rxnorm-index`), checked by the main thread before start. */
  readonly rxnormIndex?: string;
}

const data = workerData as DryRunWorkerData;
const ruleSet = loadRuleSetSync(data.content);
const rxnormIndex = data.rxnormIndex === undefined ? undefined : loadRxnormIndex(data.rxnormIndex);
const port = parentPort;
port?.on('message', (item: PopulationItem) => {
  void evaluatePopulationItem(ruleSet, data.settings, item, rxnormIndex).then((outcome) =>
    port.postMessage(outcome),
  );
});
