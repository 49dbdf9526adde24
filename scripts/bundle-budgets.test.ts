import { describe, expect, it } from 'vitest';
import { checkBudgets, formatBudgetTable, KB, staticClosure, type Manifest } from './bundle-budgets.ts';

/** A small build: an entry, a shared vendor chunk, a public page and a staff page with the staff route table and frame. */
const manifest: Manifest = {
  'index.html': { file: 'assets/index.js', isEntry: true, imports: ['_vendor.js'], dynamicImports: ['src/features/public-booking/pages/home-page.tsx'] },
  '_vendor.js': { file: 'assets/vendor.js' },
  '_charts.js': { file: 'assets/charts.js', imports: ['_vendor.js'] },
  '_lazy-locale.js': { file: 'assets/lazy-locale.js' },
  'src/features/public-booking/pages/home-page.tsx': {
    file: 'assets/home-page.js',
    isDynamicEntry: true,
    imports: ['index.html'],
    dynamicImports: ['_lazy-locale.js'],
  },
  'src/app/staff-app-routes.tsx': { file: 'assets/staff-app-routes.js', isDynamicEntry: true, imports: ['index.html'] },
  'src/app/staff-frame/staff-frame.tsx': { file: 'assets/staff-frame.js', isDynamicEntry: true, imports: ['index.html'] },
  'src/features/outcomes/pages/patient-outcomes-page.tsx': { file: 'assets/outcomes-page.js', isDynamicEntry: true, imports: ['_charts.js'] },
};

const sizes =
  (overrides: Record<string, number> = {}) =>
  (file: string) =>
    overrides[file] ?? 10 * KB;

describe('bundle budgets', () => {
  it('counts a page with its static imports, not the chunks it loads later', () => {
    expect([...staticClosure(manifest, ['src/features/public-booking/pages/home-page.tsx'])].sort()).toEqual([
      'assets/home-page.js',
      'assets/index.js',
      'assets/vendor.js',
    ]);
  });

  it('measures public pages with the entry, staff pages with the entry, the staff route table and the staff frame', () => {
    const rows = checkBudgets(manifest, sizes());
    expect(rows.map((row) => [row.page, row.kind, row.files, row.gzipBytes])).toEqual([
      ['features/outcomes/pages/patient-outcomes-page.tsx', 'staff', 6, 60 * KB],
      ['features/public-booking/pages/home-page.tsx', 'public', 3, 30 * KB],
    ]);
    expect(rows.every((row) => row.ok)).toBe(true);
  });

  it('fails a public page over its budget and a staff page over its own', () => {
    const rows = checkBudgets(manifest, sizes({ 'assets/vendor.js': 200 * KB, 'assets/charts.js': 200 * KB }));
    expect(rows.filter((row) => !row.ok).map((row) => row.page)).toEqual([
      'features/outcomes/pages/patient-outcomes-page.tsx',
      'features/public-booking/pages/home-page.tsx',
    ]);
    expect(formatBudgetTable(rows)).toMatch(/home-page\.tsx\s+public.+OVER BUDGET/);
  });

  it('holds a public page to the 100 KB target', () => {
    const within = checkBudgets(manifest, sizes({ 'assets/vendor.js': 80 * KB })).find((row) => row.kind === 'public');
    expect(within).toMatchObject({ gzipBytes: 100 * KB, budgetBytes: 100 * KB, ok: true });
    const over = checkBudgets(manifest, sizes({ 'assets/vendor.js': 80 * KB + 1 }));
    expect(over.find((row) => row.kind === 'public')?.ok).toBe(false);
    expect(formatBudgetTable(over)).toMatch(/home-page\.tsx\s+public.+OVER BUDGET/);
  });

  it('counts no script for the home page when the server renders it, and holds it to the target', () => {
    const rows = checkBudgets(manifest, sizes({ 'assets/vendor.js': 150 * KB }), { serverRendered: true });
    const home = rows.find((row) => row.kind === 'public');
    expect(home).toMatchObject({ files: 0, gzipBytes: 0, budgetBytes: 100 * KB, serverRendered: true, ok: true });
    expect(formatBudgetTable(rows)).toMatch(/home-page\.tsx\s+public.+ok \(server HTML, no script\)/);
    // Without the renderer in the build, the server sends the app's page and the home page counts the app's script.
    expect(checkBudgets(manifest, sizes({ 'assets/vendor.js': 150 * KB })).find((row) => row.kind === 'public')?.gzipBytes).toBe(170 * KB);
  });

  it("adds the text a page's route loads, in the heavier language, and the frame's text to a staff page", () => {
    const withText: Manifest = {
      ...manifest,
      'src/features/public-booking/locales/en.ts': { file: 'assets/booking-en.js', isDynamicEntry: true },
      'src/features/public-booking/locales/ar.ts': { file: 'assets/booking-ar.js', isDynamicEntry: true },
      'src/app/staff-frame/locales/en.ts': { file: 'assets/frame-en.js', isDynamicEntry: true },
      'src/app/staff-frame/locales/ar.ts': { file: 'assets/frame-ar.js', isDynamicEntry: true },
    };
    const text = {
      pages: new Map([
        ['src/features/public-booking/pages/home-page.tsx', ['booking']],
        ['src/app/staff-frame/staff-frame.tsx', ['frame']],
      ]),
      chunks: new Map([
        [
          'booking',
          new Map([
            ['en', 'src/features/public-booking/locales/en.ts'],
            ['ar', 'src/features/public-booking/locales/ar.ts'],
          ]),
        ],
        [
          'frame',
          new Map([
            ['en', 'src/app/staff-frame/locales/en.ts'],
            ['ar', 'src/app/staff-frame/locales/ar.ts'],
          ]),
        ],
      ]),
    };
    const rows = checkBudgets(
      withText,
      sizes({ 'assets/booking-en.js': 3 * KB, 'assets/booking-ar.js': 5 * KB, 'assets/frame-en.js': 2 * KB, 'assets/frame-ar.js': 1 * KB }),
      { text },
    );
    expect(rows.find((row) => row.kind === 'public')).toMatchObject({ textBytes: 5 * KB, textLanguage: 'ar', gzipBytes: 35 * KB });
    expect(rows.find((row) => row.kind === 'staff')).toMatchObject({ textBytes: 2 * KB, textLanguage: 'en', gzipBytes: 62 * KB });
    expect(formatBudgetTable(rows)).toMatch(/home-page\.tsx\s+public\s+3\s+35\.0 KB\s+5\.0 KB ar/);
  });

  it('refuses a manifest with no entry or no public page, so a broken build cannot pass', () => {
    const { 'index.html': _entry, ...noEntry } = manifest;
    expect(() => checkBudgets(noEntry, sizes())).toThrow(/no entry/);
    const { 'src/features/public-booking/pages/home-page.tsx': _home, ...noPublic } = manifest;
    expect(() => checkBudgets(noPublic, sizes())).toThrow(/no public page/);
  });
});
