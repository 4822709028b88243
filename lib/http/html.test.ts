import { describe, expect, it } from 'vitest';
import { html, trusted } from './html';

describe('html', () => {
  it('escapes every interpolated value, nested or not', () => {
    const evil = `"><script>alert('x')</script>&`;
    expect(html`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;</p>',
    );
    expect(html`<ul>${['<a>', html`<li>${'&'}</li>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>&amp;</li></ul>');
  });
  it('leaves out null, undefined and booleans, keeps numbers and trusted text', () => {
    expect(html`${null}${undefined}${false}${true}${0}${trusted('<b>')}`.value).toBe('0<b>');
  });
});
