import { describe, expect, it } from 'vitest';

import { escapeHtml, kbText } from '../../scripts/reports/kb-text.ts';

describe('kbText', () => {
  it.each([
    ['drops scripts with their content', 'a<script>alert(1)</script>b', 'ab'],
    ['drops an unclosed script to the end', 'a<script>alert(1)', 'a'],
    ['drops styles', 'x<style>p{}</style>y', 'xy'],
    ['keeps paragraphs as lines', 'one<P>two<BR>three', 'one\ntwo\nthree'],
    ['keeps list items as bullets', '<UL><LI>a<LI>b</UL>', '• a\n• b'],
    [
      'keeps web links as text',
      '<A HREF="https://x.org/a">fix</A>',
      'fix (https://x.org/a)',
    ],
    ['drops script links', '<a href="javascript:alert(1)">go</a>', 'go'],
    [
      'decodes entities once',
      '&amp;lt;b&amp;gt; &quot;q&quot; &#60;&#x3E;',
      '&lt;b&gt; "q" <>',
    ],
    [
      'keeps a stray angle bracket as text',
      'a < b and c > d',
      'a < b and c > d',
    ],
    ['drops comments', 'a<!-- hidden -->b', 'ab'],
    ['drops invalid character references', 'a&#0;b&#xD800;c', 'abc'],
    ['collapses blank lines and spaces', 'a   b<P><P><P>c', 'a b\n\nc'],
    ['gives nothing for nothing', undefined, ''],
  ])('%s', (_name, html, text) => {
    expect(kbText(html)).toBe(text);
  });
});

describe('escapeHtml', () => {
  it('escapes every character that could open markup or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
