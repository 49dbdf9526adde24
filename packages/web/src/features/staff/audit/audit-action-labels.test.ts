/// <reference types="node" />
// The web app has no Node types; this test reads the server's source tree from disk.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { auditActionCodes, isAuditActionCode } from './audit-actions.ts';
import { ar } from './locales/ar.ts';

const SERVER = fileURLToPath(new URL('../../../../../server/src/', import.meta.url));

/**
 * Codes built at run time, spelled out: a new template in the server fails this test until it is
 * listed here, and then each of its codes needs words like any other.
 */
const TEMPLATE_CODES: Record<string, string[]> = {
  'waitlist.${entryStatus}': ['waitlist.expired', 'waitlist.cancelled'],
  'review.${review.decision}': ['review.clear', 'review.clear_with_precautions', 'review.refer'],
  // A physician's review of a referral's result that clears treatment (referrals/referral-results.ts).
  'review.${decision}': ['review.clear', 'review.clear_with_precautions'],
  // Each lifecycle step of a referral (referrals/referral-view.ts takeStep).
  'referral.${step.status}': [
    'referral.signed',
    'referral.sent',
    'referral.acknowledged',
    'referral.appointment_booked',
    'referral.result_received',
    'referral.closed',
    'referral.cancelled',
    'referral.accepted',
    'referral.declined',
  ],
  "${table}.${id ? 'update' : 'create'}": [
    'practitioners.create',
    'practitioners.update',
    'services.create',
    'services.update',
    'rooms.create',
    'rooms.update',
  ],
  "staff_user.${active ? 'reactivated' : 'deactivated'}": ['staff_user.reactivated', 'staff_user.deactivated'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.test.') ? [path] : [];
  });
}

/** Action codes in one file that writes the audit log: string and template literals after `action:` or `action =`. */
export function actionCodesIn(source: string): { codes: string[]; templates: string[] } {
  const codes: string[] = [];
  const templates: string[] = [];
  for (const [, expression = ''] of source.matchAll(/\baction\b\s*[:=]\s*([^\n]*)/g)) {
    const upToNextField = expression.split(/,\s*(?:entityType|entityId|before|after)\b/)[0] ?? '';
    for (const [, plain, template] of upToNextField.matchAll(/'([^']*)'|`([^`]*)`/g)) {
      if (plain?.includes('.')) codes.push(plain);
      if (template !== undefined) templates.push(template);
    }
  }
  return { codes, templates };
}

const found = sourceFiles(SERVER)
  .map((path) => ({ path: relative(SERVER, path), source: readFileSync(path, 'utf8') }))
  .filter(({ source }) => source.includes('writeAudit('))
  .map(({ path, source }) => ({ path, ...actionCodesIn(source) }));

describe('audit action labels', () => {
  it('finds codes the way the server writes them', () => {
    expect(actionCodesIn("await writeAudit(tx, actor, { action: 'note.sign', entityType: 'session_note' });").codes).toEqual(['note.sign']);
    expect(actionCodesIn("action: stage === 'active' ? 'auth.login' : 'auth.password_accepted',").codes).toEqual(['auth.login', 'auth.password_accepted']);
    expect(actionCodesIn('{ action: `waitlist.${entryStatus}`, entityType: `x.${y}` }').templates).toEqual(['waitlist.${entryStatus}']);
    expect(found.flatMap((f) => f.codes).length).toBeGreaterThan(60);
  });

  it('spells out every code the server builds at run time', () => {
    const unknown = found.flatMap(({ path, templates }) => templates.filter((t) => !(t in TEMPLATE_CODES)).map((t) => `${path}: ${t}`));
    expect(unknown).toEqual([]);
  });

  it('has an English and an Arabic phrase for every action the server writes', () => {
    const written = new Set([...found.flatMap((f) => f.codes), ...found.flatMap((f) => f.templates.flatMap((t) => TEMPLATE_CODES[t] ?? []))]);
    const missing = [...written].filter((code) => !isAuditActionCode(code));
    expect(missing).toEqual([]);
    const arabic = (code: string) => code.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], ar.actions);
    expect([...written].filter((code) => typeof arabic(code) !== 'string' || /[a-z]/i.test(arabic(code) as string))).toEqual([]);
  });

  it('lists every labelled action for the filter, once', () => {
    const codes = auditActionCodes();
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('reviews.queue.read');
    expect(codes).toContain('patients.read');
  });
});
