import { DEFAULT_CONTENT, loadRuleSetSync } from '@soleus/core';
import { cardTextFacts } from './card-text-facts';

const ruleSet = loadRuleSetSync(DEFAULT_CONTENT);

function definition(id: string) {
  const rule = ruleSet.rulesById.get(id);
  if (!rule) {
    throw new Error(`no shipped rule ${id}`);
  }
  return rule.definition;
}

describe('cardTextFacts', () => {
  it('names the facts of {{fact.x}} tokens in card text, in card order', () => {
    expect(cardTextFacts(definition('data-quality'))).toEqual([
      'dataQuality.issueCount',
      'dataQuality.messages',
    ]);
  });

  it("names the facts a suggestion's actions take resource ids from", () => {
    expect(cardTextFacts(definition('cramp-quinine'))).toContain('cramp.quinineDraftIds');
  });

  it('names no fact only the conditions read', () => {
    expect(cardTextFacts(definition('cramp-quinine'))).not.toContain('cramp.quinineDraft');
  });
});
