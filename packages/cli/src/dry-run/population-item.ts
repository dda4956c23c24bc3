/** One input of a dry run: a patient bundle's text and where it came from. */
export interface PopulationItem {
  /** Position in the population (0-based), so results can be put back in order. */
  readonly index: number;
  /** `file.json` or `file.ndjson:12`: where the bundle is, for the rejected-input list. */
  readonly label: string;
  /** The raw JSON text; parsed by the evaluator so a bad file is counted, not thrown. */
  readonly text: string;
}

/** What one population item produced. */
export interface ItemOutcome {
  readonly index: number;
  readonly label: string;
  /** evaluated; rejected = not JSON or not a FHIR bundle; failed = evaluation threw. */
  readonly status: 'evaluated' | 'rejected' | 'failed';
  /** For rejected / failed: the code and message (no resource content). */
  readonly reason?: string;
  /** Cards in the response: rule id (source.topic.code) and indicator. */
  readonly cards: readonly { readonly id: string; readonly indicator: string }[];
  /** Data-quality issue counts by code. */
  readonly issues: Readonly<Record<string, number>>;
}
