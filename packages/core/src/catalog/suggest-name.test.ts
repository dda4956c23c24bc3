import { suggestName } from './suggest-name';

const operators = ['equal', 'greaterThan', 'greaterThanOrEqual', 'inValueSet', 'isKnown'];

describe('suggestName', () => {
  it.each([
    ['greaterThen', ' (did you mean "greaterThan"?)'],
    ['GreaterThan', ' (did you mean "greaterThan"?)'],
    ['isknown', ' (did you mean "isKnown"?)'],
    ['equals', ' (did you mean "equal"?)'],
    ['between', ''],
    ['x', ''],
  ])('%s → %j', (wrong, want) => {
    expect(suggestName(wrong, operators)).toBe(want);
  });

  it('suggests nothing when there are no names', () => {
    expect(suggestName('equal', [])).toBe('');
  });
});
