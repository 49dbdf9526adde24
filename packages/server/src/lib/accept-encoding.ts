export type ContentEncoding = 'br' | 'gzip';

/**
 * The encoding to send for an Accept-Encoding header: br, else gzip, else none (identity).
 * An encoding with q=0 is refused (RFC 9110 §12.5.3); other weights only rank, and br is
 * preferred when both are acceptable because it is smaller.
 */
export function chooseEncoding(header: string | undefined): ContentEncoding | undefined {
  if (!header) return undefined;
  const accepted = new Set<string>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return undefined;
}
