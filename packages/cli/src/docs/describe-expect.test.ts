import { describeExpect } from './describe-expect';

describe('describeExpect', () => {
  it('names other cards with their indicator when the case pins it', () => {
    expect(
      describeExpect({
        fires: true,
        indicator: 'warning',
        alsoFires: ['data-quality', { card: 'dvt-wells-incomplete', indicator: 'warning' }],
      }),
    ).toBe('fires (warning); also data-quality, dvt-wells-incomplete (warning)');
  });

  it('says when a case lets other cards fire', () => {
    expect(describeExpect({ fires: false, exact: false, mustNot: ['dvt-excluded'] })).toBe(
      'silent; other cards allowed; not dvt-excluded',
    );
  });

  it('names the variant texts the detail must not contain', () => {
    expect(
      describeExpect({
        fires: true,
        indicator: 'warning',
        detailIncludes: '**Hypokalaemia**',
        detailExcludes: ['**Hyponatraemia**', '**Hypomagnesaemia**'],
      }),
    ).toBe(
      'fires (warning); detail mentions "**Hypokalaemia**"; detail does not mention "**Hyponatraemia**", "**Hypomagnesaemia**"',
    );
  });
});
