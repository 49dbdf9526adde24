import { createHash, randomBytes } from 'node:crypto';

/** A secret for a URL or cookie: 32 random bytes, URL-safe. Only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// Crockford-style alphabet without look-alikes (0/O, 1/I/L) so references read well on the phone.
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A booking reference such as "MYO-7K3QPX": 31^6 ≈ 887 million values, unique index backs it. */
export function newReference(): string {
  const bytes = randomBytes(6);
  let out = '';
  for (const byte of bytes) out += REFERENCE_ALPHABET.charAt(byte % REFERENCE_ALPHABET.length);
  return `MYO-${out}`;
}
