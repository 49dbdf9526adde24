/// <reference types="node" />
// The web app has no Node types; this test reads the source tree from disk.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Who may do what is one table (packages/domain/src/access/permissions.ts), read by the server to
// refuse and by the web app to hide: a page that compared roles itself could show a button the
// server refuses, or hide one it allows. This fails on a role comparison anywhere in the web app.
const SRC = fileURLToPath(new URL('../', import.meta.url));

const ROLE_COMPARISON = /\brole\s*[!=]==|[!=]==\s*[\w.?]*\brole\b|\.includes\(\s*[\w.?]*\brole\s*\)|case\s+'(?:admin|therapist|physician|reception)'\s*:/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('permissions in the web app', () => {
  it('recognises a role comparison, and not a permission question', () => {
    expect(ROLE_COMPARISON.test("const canMerge = user.role === 'reception' || user.role === 'admin';")).toBe(true);
    expect(ROLE_COMPARISON.test("['admin', 'reception'].includes(session.role)")).toBe(true);
    expect(ROLE_COMPARISON.test("const canMerge = can(user.role, 'patient.merge');")).toBe(false);
  });

  it('compares roles nowhere: pages ask can(role, action)', () => {
    const found = sourceFiles(SRC).flatMap((path) =>
      readFileSync(path, 'utf8')
        .split('\n')
        .flatMap((line, i) => (ROLE_COMPARISON.test(line) ? [`${relative(SRC, path)}:${i + 1} ${line.trim()}`] : [])),
    );
    expect(found, 'use can(role, action) from @myomap/domain/access/permissions').toEqual([]);
  });
});
