import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { createPortalSession, type PortalVisitor } from '../lib/portal-session.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import { portalSignInText } from '../messages/portal-messages.ts';
import { enqueue } from '../scheduling/enqueue-appointment-messages.ts';
import { loadClinic } from '../stores/clinic-store.ts';
import { claimThrottleAttempt, clearThrottleKey } from '../stores/login-throttle-store.ts';
import {
  claimPortalSignInByLink,
  countFailedPortalCode,
  findOpenPortalSignIns,
  findPortalPatients,
  insertPortalSignIn,
  markPortalSignInUsed,
} from '../stores/portal-store.ts';

/**
 * Passwordless sign-in to the patient portal (OWASP Authentication Cheat Sheet; NIST SP 800-63B
 * §5.1.3 "out-of-band" and §5.2.2 rate limiting): a one-time link and a six-digit code sent to the
 * email on file, valid SIGN_IN_MINUTES, used once, stored as hashes.
 * - The answer never says whether the email is on file (the same 202 either way).
 * - Sending is throttled per email and per address before anything is looked up, so the limit
 *   itself reveals nothing; a wrong code counts against the sign-in row (MAX_FAILED_CODES) and
 *   against the email, so guessing a million codes is out of reach.
 */
export const SIGN_IN_MINUTES = 15;
export const MAX_FAILED_CODES = 5;
const THROTTLE = {
  sendPerEmail: { freeFailures: 3, maxDelaySeconds: 15 * 60, resetAfterMinutes: 15 },
  sendPerAddress: { freeFailures: 10, maxDelaySeconds: 15 * 60, resetAfterMinutes: 15 },
  codePerEmail: { freeFailures: MAX_FAILED_CODES, maxDelaySeconds: 15 * 60, resetAfterMinutes: 15 },
} as const;

const normalise = (email: string) => email.trim().toLowerCase();

/** The code's stored hash: keyed and bound to its row, so a copied table does not give codes away. */
function codeHash(secret: string, signInId: string, code: string): string {
  return createHmac('sha256', secret).update(`portal-code:${signInId}:${code}`).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Claims throttle places outside any transaction: a refusal must not roll the count back. */
async function claimOrRefuse(sql: Sql, keys: readonly [string, (typeof THROTTLE)[keyof typeof THROTTLE]][], now: Date): Promise<void> {
  for (const [key, rule] of keys) {
    const decision = await claimThrottleAttempt(sql, key, now, rule);
    if (!decision.allowed) throw new AppError('rate_limited', 'Too many sign-in requests; try again later.', { retryAt: decision.nextAllowedAt.toISOString() });
  }
}

export function portalSignInUrl(ctx: AppContext, token: string): string {
  return `${ctx.config.publicUrl}/portal/sign-in?token=${encodeURIComponent(token)}`;
}

/** Sends a link and code when a patient record holds the email; answers the same either way. */
export async function requestPortalSignIn(ctx: AppContext, input: { email: string; language: 'en' | 'ar' }, ip: string): Promise<void> {
  const email = normalise(input.email);
  const now = ctx.clock.now();
  await claimOrRefuse(
    ctx.db,
    [
      [`portal-send-ip:${ip}`, THROTTLE.sendPerAddress],
      [`portal-send:${email}`, THROTTLE.sendPerEmail],
    ],
    now,
  );
  await ctx.db.transaction(async (tx) => {
    const patients = await findPortalPatients(tx, email);
    const first = patients[0];
    if (!first) return;
    const id = randomUUID();
    const token = newToken();
    const code = randomInt(0, 1_000_000).toString().padStart(6, '0');
    await insertPortalSignIn(tx, {
      id,
      email,
      linkHash: hashToken(token),
      codeHash: codeHash(ctx.config.sessionSecret, id, code),
      now,
      expiresAt: new Date(now.getTime() + SIGN_IN_MINUTES * 60_000),
    });
    const clinic = await loadClinic(tx);
    const text = portalSignInText({ language: input.language, clinic, link: portalSignInUrl(ctx, token), code, minutes: SIGN_IN_MINUTES });
    await enqueue(
      tx,
      {
        dedupeKey: `portal_sign_in:${id}`,
        kind: 'portal_sign_in',
        recipient: email,
        subject: text.subject,
        body: text.body,
        short: text.short,
        patientId: first.id,
        attachments: [],
        sendAfter: now,
        // The code is a credential: sealed like the link, so the staff mailbox shows •••••.
        secrets: [code],
      },
      ctx.config.sessionSecret,
      ctx.config.publicUrl,
      { clinic, language: input.language },
    );
  });
}

export interface PortalSignedIn {
  /** The cookie's value; only its hash is stored. */
  token: string;
  visitor: PortalVisitor;
}

async function startSession(tx: Sql, email: string, now: Date, ip: string, method: 'link' | 'code'): Promise<PortalSignedIn | undefined> {
  const first = (await findPortalPatients(tx, email))[0];
  if (!first) return undefined;
  const { token, csrfToken } = await createPortalSession(tx, email, first.id, now);
  const session = { token, visitor: { email, patientId: first.id, csrfToken, tokenHash: hashToken(token) } };
  const actor: Actor = { type: 'patient', id: first.id, role: 'patient', ip };
  await writeAudit(tx, actor, { action: 'portal.sign_in', entityType: 'patient', entityId: first.id, after: { method } });
  return session;
}

/** Opens a session from the emailed link: once, before it expires. */
export async function completePortalSignInByLink(ctx: AppContext, token: string, ip: string): Promise<PortalSignedIn> {
  const signedIn = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const row = await claimPortalSignInByLink(tx, hashToken(token), now);
    if (!row) return undefined;
    await markPortalSignInUsed(tx, row.id, now);
    return startSession(tx, row.email, now, ip, 'link');
  });
  if (!signedIn) throw new AppError('link_invalid', 'This sign-in link has expired or was used already. Ask for a new one.');
  return signedIn;
}

/** Opens a session from the emailed code typed with the email; wrong codes are counted and limited. */
export async function completePortalSignInByCode(ctx: AppContext, input: { email: string; code: string }, ip: string): Promise<PortalSignedIn> {
  const email = normalise(input.email);
  const now = ctx.clock.now();
  const throttleKey = `portal-code:${email}`;
  await claimOrRefuse(ctx.db, [[throttleKey, THROTTLE.codePerEmail]], now);
  const signedIn = await ctx.db.transaction(async (tx) => {
    const rows = await findOpenPortalSignIns(tx, email, now, MAX_FAILED_CODES);
    const match = rows.find((row) => sameHash(row.codeHash, codeHash(ctx.config.sessionSecret, row.id, input.code)));
    if (!match) {
      // Every open row of the email pays for a wrong code: asking for more codes buys no more guesses.
      if (rows.length > 0)
        await countFailedPortalCode(
          tx,
          rows.map((row) => row.id),
        );
      return undefined;
    }
    await markPortalSignInUsed(tx, match.id, now);
    return startSession(tx, email, now, ip, 'code');
  });
  if (!signedIn) throw new AppError('invalid_credentials', 'The code is wrong or has expired.');
  await clearThrottleKey(ctx.db, throttleKey);
  return signedIn;
}
