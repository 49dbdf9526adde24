/**
 * Text PostgreSQL cannot store, found before any route sees it. `text` and `jsonb` refuse NUL
 * (U+0000), `jsonb` refuses an escaped lone surrogate, and the driver silently turns a lone
 * surrogate in `text` into U+FFFD. None of it is ever meaningful input, so it is refused
 * everywhere (body, query, path and headers, keys as well as values) as a 400.
 */
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
// (No `u` flag: with it, a lone surrogate would not match as a single code unit.)
// eslint-disable-next-line no-control-regex -- NUL is what this refuses: PostgreSQL text cannot hold it.
const unsafe = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface UnsafeText {
  field: string;
  problem: string;
}

function problemOf(text: string): string | undefined {
  const match = unsafe.exec(text);
  if (!match) return undefined;
  return match[0] === '\u0000' ? 'must not contain a NUL character' : 'must not contain an unpaired surrogate (invalid Unicode)';
}

/** The first unsafe string in `value` (walked without recursion, so deep nesting cannot overflow the stack). */
export function findUnsafeText(value: unknown, root: string): UnsafeText | undefined {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [unknown, string];
    if (typeof node === 'string') {
      const problem = problemOf(node);
      if (problem) return { field: path, problem };
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, `${path}.${i}`]));
    } else if (node !== null && typeof node === 'object' && !Buffer.isBuffer(node)) {
      for (const [key, item] of Object.entries(node)) {
        const problem = problemOf(key);
        // eslint-disable-next-line no-control-regex -- the field name is shown with NUL and surrogates masked.
        if (problem) return { field: `${path}.${key.replace(/[\u0000\ud800-\udfff]/g, '?')}`, problem: `field name ${problem}` };
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
  return undefined;
}
