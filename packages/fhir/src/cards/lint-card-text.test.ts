import { lintCardText } from './lint-card-text';

describe('lintCardText', () => {
  it.each([
    ['fact id', 'Why: `cramp.potassiumWithPreliminary` = 3.1', 'fact id'],
    ['fact id without code span', 'dvt.triggered = yes', 'fact id'],
    ['rule version', 'Rule dvt-excluded@1.0.0', 'rule or pack version'],
    ['resource id', 'from Condition/v22-condition-1', 'resource id'],
    ['raw instant', 'at 2025-06-10T00:00:00.000Z', 'raw instant or ISO date'],
    ['ISO date', 'Episode start 2026-11-20.', 'raw instant or ISO date'],
    ['ISO duration', 'older than the P90D window', 'ISO 8601 duration'],
    ['UCUM annotation', '29 mL/min/{1.73_m2}', 'UCUM syntax'],
    ['UCUM micro', '900 ug/L FEU', 'UCUM syntax'],
    ['UCUM per day', '4000 mg/d', 'UCUM syntax'],
    ['UCUM Celsius', '38.2 Cel', 'UCUM syntax'],
    ['file path', 'see packages/core/rules/dvt/pack.json', 'file path'],
    ['JSON Pointer', 'at rule.json#/conditions/all/0', 'JSON Pointer'],
    ['code span', 'Questionnaire `wells-dvt`', 'code span'],
    ['design note', 'DESIGN CHOICE 2 g/day', 'design note'],
    ['spec section', 'see §A.6', 'design note'],
    ['engineering value', 'Weight undefined', 'engineering value'],
    ['interval with equal bounds', 'Wells score 2 to 2', 'interval with equal bounds'],
    ['list of unknowns', 'sodium unknown, potassium 3.4, calcium unknown', 'list of unknowns'],
    ['ICD-10 code', 'Hepatic failure (K72.x, 59927004)', 'ICD-10 or SNOMED code'],
  ])('finds %s', (_name, text, pattern) => {
    expect(lintCardText({ summary: 'ok', detail: text }).map((f) => f.pattern)).toContain(pattern);
  });

  it('reads summaries, suggestion and link labels too', () => {
    const findings = lintCardText({
      summary: 'eGFR 29 mL/min/{1.73_m2}',
      suggestions: [{ label: 'Order per dvt.ultrasoundScope' }],
      links: [{ label: 'Questionnaire/wells-dvt' }],
    });
    expect(findings.map((f) => f.where)).toEqual(['summary', 'suggestion 1', 'link 1']);
  });

  it('passes clinician text, and does not read link targets', () => {
    const detail = [
      'Potassium 3.4 mmol/L (20 Nov 2026, 2 days ago); eGFR 29 mL/min/1.73 m²; 4,325 mg/day; 38.2 °C.',
      '- Wells 1 to 5 (likely or unlikely until assessed): 1 item from the record, 4 not yet assessed',
      '- [NICE NG158, recs 1.1.1–1.1.9](https://www.nice.org.uk/guidance/ng158#/x)',
      '- Le Gal G, et al. JAMA 2026 (NCT02384135); Kidney Int Suppl 2013;3:1-150; e.g. P. falciparum',
    ].join('\n');
    expect(lintCardText({ summary: 'Gestational age is unknown: avoid', detail })).toEqual([]);
  });
});
