import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript } from './html-text.ts';

/** What the server writes into its pages cannot end an element or an attribute, whatever a clinic names itself. */
describe('text in server-written HTML', () => {
  it('escapes the five characters that could close an element or an attribute', () => {
    expect(escapeHtml(`Dr. "Amal" & <Sons>'s`)).toBe('Dr. &quot;Amal&quot; &amp; &lt;Sons&gt;&#39;s');
  });

  it('keeps JSON inside a <script> from ending it or opening a comment, and reads back the same value', () => {
    const clinic = { name: '</script><!-- x --> & co', note: 'a\u2028b\u2029c' };
    const text = jsonForScript(clinic);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(clinic);
  });
});
