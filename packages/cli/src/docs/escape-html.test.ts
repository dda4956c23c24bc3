import { escapeHtml } from './escape-html';

describe('escapeHtml', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a & b', 'a &amp; b'],
    [`"x" 'y'`, '&quot;x&quot; &#39;y&#39;'],
    ['plain ≥ 30', 'plain ≥ 30'],
  ])('%s', (given, want) => {
    expect(escapeHtml(given)).toBe(want);
  });
});
