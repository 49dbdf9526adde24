import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The server's layering (docs/ARCHITECTURE.md, "A request through the layers"), checked on the
// source so it stays true: SQL lives only in stores/ (and database/: adapters, migrations, seed);
// a route file is its access rule, its schemas and one call per route; roles are compared only in
// the permission table (packages/domain/src/access/permissions.ts), never in server code.
const SRC = fileURLToPath(new URL('./', import.meta.url));

/** Folders whose files may hold SQL. Tests and their helpers may too (they set up and inspect rows). */
const SQL_HOMES = ['stores/', 'database/', 'test-support/'];

/** Route files stay thin: a schema and one call per route (issue 10: "no route file over ~120 lines"). */
const MAX_ROUTE_FILE_LINES = 120;

/** Role comparisons that are not permission checks, with why. */
const ROLE_COMPARISON_ALLOWED: Readonly<Record<string, string>> = {
  // The bootstrap CLI asks what an existing account *is* (an admin account to reactivate, or
  // another role it must not turn into an admin); no one is signed in and nothing is permitted.
  'cli/create-admin.ts': 'what role an account has, not what a caller may do',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ file: relative(SRC, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }));

/** The source without comments, so a comment that quotes SQL or a role does not count. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, '')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

// A call of a database handle's query (db.query, tx.query, sql.query<Row>(…)); `request.query` is
// a property, never called.
const QUERY_CALL = /\.query\s*(?:<[^;]*?>\s*)?\(/;
// SQL written in a string or template: our SQL is lower case, so messages ("Select a time") do not match.
const SQL_TEXT = /[`'"]\s*(?:select\s[\s\S]{0,400}?\sfrom\s|insert\s+into\s|update\s+[a-z_]+\s+set\s|delete\s+from\s|with\s+[a-z_]+\s+as\s*\()/;

/** What a file does with SQL, if anything: the first line that calls a query or writes SQL. */
function sqlIn(text: string): string | undefined {
  const source = code(text);
  const at = [QUERY_CALL, SQL_TEXT].map((pattern) => source.search(pattern)).filter((index) => index >= 0);
  if (at.length === 0) return undefined;
  const line = source.slice(0, Math.min(...at)).split('\n').length;
  return `line ${line}: ${source.split('\n')[line - 1]?.trim()}`;
}

const ROLE_COMPARISON = /\brole\s*[!=]==|[!=]==\s*[\w.?]*\brole\b|\.includes\(\s*[\w.?]*\brole\s*\)|case\s+'(?:admin|therapist|physician|reception)'\s*:/;

describe('server layering', () => {
  it('finds SQL the way the checks below read it', () => {
    expect(sqlIn("const rows = await tx.query<{ id: string }>('select id from patients where id = $1', [id]);")).toBeDefined();
    expect(sqlIn('await ctx.db.query(`update outbox set status = $2 where id = $1`, [id, status]);')).toBeDefined();
    expect(sqlIn("const text = `insert into audit_log (action) values ('x')`;")).toBe("line 1: const text = `insert into audit_log (action) values ('x')`;");
    expect(sqlIn("const q = request.query;\nthrow new AppError('validation_failed', 'Select a time from the list.');")).toBeUndefined();
    expect(sqlIn('// select id from patients: a comment is not a query')).toBeUndefined();
  });

  it('issues SQL only from stores/ and database/', () => {
    const outside = files
      .filter(({ file }) => !SQL_HOMES.some((home) => file.startsWith(home)))
      .flatMap(({ file, text }) => {
        const found = sqlIn(text);
        return found ? [`${file} ${found}`] : [];
      });
    expect(outside, 'move the query into stores/<aggregate>-store.ts and call it from the service').toEqual([]);
  });

  it(`keeps every route file at ${MAX_ROUTE_FILE_LINES} lines or fewer`, () => {
    const routeFiles = files.filter(({ file }) => file.startsWith('routes/'));
    expect(routeFiles.length).toBeGreaterThan(10);
    const long = routeFiles.map(({ file, text }) => ({ file, lines: text.trimEnd().split('\n').length })).filter(({ lines }) => lines > MAX_ROUTE_FILE_LINES);
    expect(long, 'move the work into <area>/<verb>.ts and the SQL into a store').toEqual([]);
  });

  it('compares roles only in the permission table (can(role, action))', () => {
    expect(ROLE_COMPARISON.test("if (user.role === 'admin')")).toBe(true);
    expect(ROLE_COMPARISON.test("['admin', 'reception'].includes(actor.role)")).toBe(true);
    expect(ROLE_COMPARISON.test("can(actor.role, 'intake.clinical.read')")).toBe(false);
    const found = files
      .filter(({ file }) => !(file in ROLE_COMPARISON_ALLOWED))
      .flatMap(({ file, text }) =>
        code(text)
          .split('\n')
          .flatMap((line, i) => (ROLE_COMPARISON.test(line) ? [`${file}:${i + 1} ${line.trim()}`] : [])),
      );
    expect(found, 'ask can(role, action) from @myomap/domain/access/permissions instead').toEqual([]);
  });
});
