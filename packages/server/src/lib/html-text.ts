/** Text put into HTML the server writes: escaped for an element or attribute, or as JSON inside a <script>. */

/**
 * JSON that can sit inside a <script> element: `<`, `>` and `&` escaped so no text (a clinic name
 * with `</script>` in it) can end the element or open a comment, and the two line separators JSON
 * allows but older JavaScript did not.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
