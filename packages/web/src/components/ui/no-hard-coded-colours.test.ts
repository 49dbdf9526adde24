/// <reference types="node" />
// The web app has no Node types; this test reads the source tree from disk.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every colour is a design token from tokens.css, so the look stays consistent and a change of
// palette is one edit. This fails on a literal colour (#hex, rgb(), rgba(), hsl()) in any other
// stylesheet or component.
const SRC = fileURLToPath(new URL('../../', import.meta.url));
const TOKENS = 'components/ui/tokens.css';

/** Colours that are data, not styling: kept literal on purpose. */
const ALLOWED: ReadonlyArray<{ file: string; literal: string; why: string }> = [
  { file: 'features/staff/admin/practitioners-page.tsx', literal: '#2f6f6a', why: 'default calendar colour stored with a new practitioner' },
  { file: 'features/intake/components/signature-pad.tsx', literal: '#1d2624', why: 'ink baked into the signature image the patient signs' },
  { file: 'components/body-chart/body-zones.tsx', literal: 'hsl(', why: 'a computed scale from pale amber (no pain) to deep red (worst pain)' },
];

const COLOUR = /#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?)\(/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(css|tsx)$/.test(entry.name) ? [path] : [];
  });
}

function literalColours(path: string): string[] {
  const file = relative(SRC, path).split('\\').join('/');
  if (file === TOKENS) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line, index) =>
      [...line.matchAll(COLOUR)]
        .map((match) => match[0])
        // An HTML entity such as &#8203; or a URL fragment is not a colour.
        .filter((literal) => !/^#\d+$/.test(literal) || literal.length === 4 || literal.length === 7)
        .filter((literal) => !ALLOWED.some((allowed) => allowed.file === file && allowed.literal.toLowerCase() === literal.toLowerCase()))
        .map((literal) => `${file}:${index + 1} ${literal}`),
    );
}

describe('design tokens', () => {
  it('no stylesheet or component hard-codes a colour outside tokens.css', () => {
    const found = sourceFiles(SRC).flatMap(literalColours);
    expect(found, 'use a var(--color-…) token from components/ui/tokens.css instead').toEqual([]);
  });

  it('tokens.css defines every colour token the app uses', () => {
    const tokens = readFileSync(join(SRC, TOKENS), 'utf8');
    const defined = new Set([...tokens.matchAll(/(--[a-z0-9-]+)\s*:/g)].map((match) => match[1]));
    const used = new Set(
      sourceFiles(SRC).flatMap((path) =>
        [...readFileSync(path, 'utf8').matchAll(/var\((--(?:color|space|radius|font-size|shadow)[a-z0-9-]*)/g)].map((match) => match[1]),
      ),
    );
    const missing = [...used].filter((name) => !defined.has(name));
    expect(missing).toEqual([]);
  });
});
