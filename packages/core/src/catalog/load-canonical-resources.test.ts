import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SoleusError } from '../errors';
import { loadCanonicalResources } from './load-canonical-resources';
import { loadRuleSetSync } from './load-rule-set';
import { DEFAULT_CONTENT } from './default-content';

describe('loadCanonicalResources', () => {
  it('reads the shipped Questionnaire, CodeSystems and every value set, each with id and url', () => {
    const resources = loadCanonicalResources();
    const byType = (t: string): string[] =>
      resources.filter((r) => r.resourceType === t).map((r) => r.id);
    expect(byType('Questionnaire')).toEqual(['wells-dvt']);
    expect(byType('CodeSystem').sort()).toEqual(['calf-findings', 'card', 'override-reason']);
    const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);
    expect(byType('ValueSet')).toHaveLength(ruleSet.terminology.valueSets().length);
    for (const r of resources) {
      expect(r.url).toMatch(/^https?:\/\//);
    }
  });

  it('the shipped Wells Questionnaire is the one the DVT pack reads', () => {
    const wells = loadCanonicalResources().find((r) => r.resourceType === 'Questionnaire');
    const pack = loadRuleSetSync(DEFAULT_CONTENT).packs.get('dvt');
    expect(wells?.url).toBe((pack?.parameters as Record<string, unknown>)['wellsQuestionnaire']);
  });

  describe('broken content', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'soleus-canonical-'));
      for (const sub of ['q', 'cs', 'vs']) {
        mkdirSync(join(dir, sub));
      }
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));
    const dirs = (): {
      questionnairesDir: string;
      codeSystemsDir: string;
      valueSetsDir: string;
    } => ({
      questionnairesDir: join(dir, 'q'),
      codeSystemsDir: join(dir, 'cs'),
      valueSetsDir: join(dir, 'vs'),
    });

    it('reports every bad file at once, with file and pointer, and returns nothing', () => {
      writeFileSync(join(dir, 'q', 'a.questionnaire.json'), '{"resourceType":"CodeSystem"}');
      writeFileSync(
        join(dir, 'q', 'b.questionnaire.json'),
        '{"resourceType":"Questionnaire","id":"has space","url":"https://x/Q/b"}',
      );
      writeFileSync(join(dir, 'cs', 'c.codesystem.json'), '{ not json');
      writeFileSync(join(dir, 'cs', 'd.codesystem.json'), '{"resourceType":"CodeSystem","id":"d"}');
      let error: unknown;
      try {
        loadCanonicalResources(dirs());
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(SoleusError);
      const issues = (error as SoleusError).issues;
      expect(issues.map((i) => [i.code, i.location?.file, i.location?.pointer])).toEqual([
        ['SOLEUS_CANONICAL_INVALID', 'a.questionnaire.json', '/resourceType'],
        ['SOLEUS_CANONICAL_INVALID', 'b.questionnaire.json', '/id'],
        ['SOLEUS_CANONICAL_INVALID', 'c.codesystem.json', ''],
        ['SOLEUS_CANONICAL_INVALID', 'd.codesystem.json', '/url'],
      ]);
    });

    it('refuses two resources of one type with the same id', () => {
      const q = '{"resourceType":"Questionnaire","id":"w","url":"https://x/Q/w"}';
      writeFileSync(join(dir, 'q', 'a.questionnaire.json'), q);
      writeFileSync(join(dir, 'q', 'b.questionnaire.json'), q);
      expect(() => loadCanonicalResources(dirs())).toThrow(/b\.questionnaire\.json#\/id/);
    });
  });
});
