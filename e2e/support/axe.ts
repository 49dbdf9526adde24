import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
// Evaluated through the DevTools protocol rather than added as a <script>: the app's CSP
// (script-src 'self') refuses an inline script tag, and bypassing CSP would hide real CSP breakage.
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** One axe finding, reduced to what a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

interface AxeResult {
  violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * The page's serious and critical axe violations (WCAG 2.2 A/AA and axe's best practices).
 * Minor and moderate findings are left out: the bar is "no serious or critical".
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  // A string, not a function: the page's axe global is not in this process's types.
  const result = await page.evaluate<AxeResult>(`axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  })`);
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.slice(0, 3).map((node) => node.target.map(String).join(' ')),
    }));
}

/** One line per violation: "color-contrast (serious) Elements must meet… at .a, .b". */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.id} (${v.impact}) ${v.help} at ${v.targets.join(' | ')}`).join('\n');
}

/** Fails with a readable list when the page has a serious or critical axe violation. */
export async function expectNoSeriousAxeViolations(page: Page, label: string): Promise<void> {
  const violations = await seriousAxeViolations(page);
  expect(violations.length === 0 ? '' : `${label}:\n${describeViolations(violations)}`).toBe('');
}
