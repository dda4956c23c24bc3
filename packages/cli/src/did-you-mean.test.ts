import { didYouMean, didYouMeanClause } from './did-you-mean';

const COMMANDS = ['evaluate', 'validate', 'test', 'docs', 'dry-run'];
const HOOKS = ['patient-view', 'order-select', 'order-sign'];

describe('didYouMean', () => {
  it.each([
    ['evalute', COMMANDS, 'evaluate'],
    ['valdiate', COMMANDS, 'validate'],
    ['dryrun', COMMANDS, 'dry-run'],
    ['tset', COMMANDS, 'test'],
    ['eval', COMMANDS, 'evaluate'],
    ['DOCS', COMMANDS, 'docs'],
    ['patient-veiw', HOOKS, 'patient-view'],
    ['order-sing', HOOKS, 'order-sign'],
    ['orderselect', HOOKS, 'order-select'],
    ['--bundel', ['--hook', '--bundle', '--now'], '--bundle'],
  ])('%s → %s', (input, candidates, expected) => {
    expect(didYouMean(input, candidates)).toBe(expected);
  });

  it.each([
    ['deploy', COMMANDS],
    ['x', COMMANDS],
    ['encounter-start', HOOKS],
    ['ev', COMMANDS],
  ])('%s has no suggestion', (input, candidates) => {
    expect(didYouMean(input, candidates)).toBeUndefined();
  });

  it('formats a clause, or nothing', () => {
    expect(didYouMeanClause('evalute', COMMANDS, '; else')).toBe('; did you mean evaluate?');
    expect(didYouMeanClause('deploy', COMMANDS, '; else')).toBe('; else');
  });
});
