import { ERROR_CODES, SoleusError, formatLocation, isSoleusError } from './errors';

describe('SoleusError', () => {
  it('carries a code from the table, the issues and the cause', () => {
    const cause = new Error('inner');
    const err = new SoleusError('SOLEUS_RULE_SCHEMA', 'bad rule', {
      issues: [{ severity: 'error', code: 'SOLEUS_RULE_SCHEMA', message: 'x' }],
      cause,
    });
    expect(err.code).toBe('SOLEUS_RULE_SCHEMA');
    expect(ERROR_CODES[err.code]).toMatch(/schema/);
    expect(err.issues).toHaveLength(1);
    expect(err.cause).toBe(cause);
    expect(isSoleusError(err)).toBe(true);
    expect(isSoleusError(new Error('plain'))).toBe(false);
  });

  it.each([
    [{ file: 'dvt/a.rule.json', pointer: '/card/summary' }, 'dvt/a.rule.json#/card/summary'],
    [
      { resource: 'Observation/o1', path: 'valueQuantity.unit' },
      'Observation/o1 (valueQuantity.unit)',
    ],
    [{ resource: 'Observation/o1' }, 'Observation/o1'],
    [undefined, ''],
  ])('formats location %j as %s', (location, want) => {
    expect(formatLocation(location)).toBe(want);
  });
});
