/**
 * A lint for what a clinician reads on a card (summary, detail, suggestion and link labels): none of the
 * engineering patterns that belong in the response `extension` or `--explain` (non-negotiable 4). Link
 * targets of markdown links are not read (URLs are not text a clinician reads). Used by the vignette
 * checks (`soleus test`) and the shared-record tests, with no exemptions.
 */

/** One finding: which pattern, and the text that matched. */
export interface CardTextFinding {
  readonly pattern: string;
  readonly found: string;
  /** Where on the card: summary, detail, suggestion label or link label. */
  readonly where: string;
}

/** The engineering patterns, each with a name a report can show. */
export const CARD_TEXT_PATTERNS: readonly (readonly [string, RegExp])[] = [
  ['fact id', /\b[a-z][a-zA-Z]+\.[a-z][a-zA-Z0-9]+\b/],
  ['rule or pack version', /@\d+\.\d+\.\d+|\bv\d+\.\d+\.\d+\b|\bversion \d+\.\d+\.\d+/],
  [
    'resource id',
    /\b(?:Patient|Practitioner|Observation|Condition|Procedure|Medication(?:Request|Statement)?|DiagnosticReport|Questionnaire(?:Response)?|Encounter|ServiceRequest|Bundle|ValueSet|CodeSystem)\/[\w.-]+/,
  ],
  ['raw instant or ISO date', /\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?\b/],
  ['ISO 8601 duration', /\bP(?:\d+[YMWD])+(?:T(?:\d+[HMS])+)?\b|\bPT\d+[HMS]\b/],
  ['UCUM syntax', /\{[^}]*\}|\[[a-z_]+\]|\bu(?:g|mol|L)\b|\/d\b|\bCel\b|_m2\b|10\*\d/],
  ['file path', /\b[\w.-]+\/[\w./-]+\.(?:json|ts|js|mjs|md)\b|\bpackages\//],
  ['JSON Pointer', /#\/|\/(?:conditions|card|variants|suggestions)\/\d*/],
  ['code span', /`[^`]*`/],
  ['design note', /DESIGN CHOICE|clinical specification|§\s*[\dA-Z]/i],
  ['engineering value', /\b(?:undefined|null|NaN)\b|\[object /],
  ['interval with equal bounds', /\b(\d+) to \1\b/],
  ['list of unknowns', /\bunknown\b[^\n]*\bunknown\b/i],
  ['ICD-10 or SNOMED code', /\b[A-TV-Z]\d{2}\.[\dxX]+\b|\b\d{6,18}\b/],
];

/** The parts of a card the lint reads (a CDS Hooks card). */
export interface LintableCard {
  readonly summary: string;
  readonly detail?: string;
  readonly suggestions?: readonly { readonly label: string }[];
  readonly links?: readonly { readonly label: string }[];
}

/**
 * Lints the text of one card.
 * @param card - the card
 * @returns every finding; empty when the card reads as clinician text
 */
export function lintCardText(card: LintableCard): CardTextFinding[] {
  const parts: [string, string][] = [
    ['summary', card.summary],
    ['detail', card.detail ?? ''],
    ...(card.suggestions ?? []).map((s, i): [string, string] => [`suggestion ${i + 1}`, s.label]),
    ...(card.links ?? []).map((l, i): [string, string] => [`link ${i + 1}`, l.label]),
  ];
  const findings: CardTextFinding[] = [];
  for (const [where, raw] of parts) {
    const text = raw.replace(/\]\([^)]*\)/g, ']').replace(/https?:\/\/\S+/g, '');
    for (const [pattern, regex] of CARD_TEXT_PATTERNS) {
      const match = regex.exec(text);
      if (match) {
        findings.push({ pattern, found: match[0], where });
      }
    }
  }
  return findings;
}
