import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/**
 * TOTP (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps, what every authenticator app reads)
 * and recovery codes. Secrets are stored encrypted and codes stored as keyed hashes, both with
 * keys derived from SESSION_SECRET by HKDF, so a copy of the database alone reveals neither.
 */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
// ±1 step tolerates 30 s of clock drift either way (RFC 6238 §5.2 recommends at most one step).
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

function deriveKey(sessionSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'myomap', purpose, 32));
}

/** AES-256-GCM; the stored text is iv.tag.ciphertext in base64url. */
export function encryptSecret(sessionSecret: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(sessionSecret, 'totp-secret'), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url')).join('.');
}

export function decryptSecret(sessionSecret: string, stored: string): string {
  const [iv, tag, data] = stored.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !data) throw new Error('malformed encrypted secret');
  const decipher = createDecipheriv('aes-256-gcm', deriveKey(sessionSecret, 'totp-secret'), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}

/** A new 160-bit secret (RFC 4226 §4 recommends 160 bits) in base32, and its otpauth:// URI. */
export function newTotpSecret(issuer: string, account: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totp(secret, issuer, account).toString() };
}

function totp(secret: string, issuer = 'Myomap', label = 'staff'): TOTP {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS });
}

/**
 * The time step a code belongs to, if it is valid within ±1 step of `now` and later than
 * `lastStep` (an accepted code is never accepted again, RFC 6238 §5.2); else undefined.
 */
export function verifyTotp(secret: string, code: string, now: Date, lastStep: number | null): number | undefined {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const delta = totp(secret).validate({ token, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return undefined;
  const step = TOTP.counter({ period: PERIOD_SECONDS, timestamp: now.getTime() }) + delta;
  return lastStep !== null && step <= lastStep ? undefined : step;
}

/** The current code for a secret (tests and the CLI use it; the server never needs to). */
export function currentTotp(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten codes like "k7pq-3mxa-tr": 10 characters of a 31-letter alphabet, about 49 bits each. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = [...randomBytes(10)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/** Recovery codes are compared by keyed hash; case, spaces and dashes do not matter. */
export function hashRecoveryCode(sessionSecret: string, code: string): string {
  const normal = code.toLowerCase().replace(/[^a-z0-9]/g, '');
  return createHmac('sha256', deriveKey(sessionSecret, 'recovery-code')).update(normal).digest('hex');
}

export function looksLikeRecoveryCode(code: string): boolean {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '').length === 10;
}

export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
