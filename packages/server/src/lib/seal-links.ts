import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { redactTokensInUrl } from './redact-tokens.ts';

/**
 * Links that carry a live patient token never sit readable in an outbox body. `sealLinks`
 * swaps each one for a `{{link:N}}` placeholder and encrypts the list (AES-256-GCM, key derived
 * from SESSION_SECRET with HKDF); the worker opens it only to send, and the staff mailbox shows
 * each link with its token as •••••. A token is found by the same patterns that redact logs.
 */
const URL_PATTERN = /https?:\/\/[^\s<>"')]+/g;
const PLACEHOLDER = /\{\{link:(\d+)\}\}/g;
const keys = new Map<string, Buffer>();

function linkKey(secret: string): Buffer {
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'myomap', 'outbox-links-v1', 32));
    keys.set(secret, key);
  }
  return key;
}

export function carriesToken(url: string): boolean {
  return redactTokensInUrl(url) !== url;
}

export interface SealedText {
  texts: string[];
  /** null when no text held a token-bearing link. */
  sealed: string | null;
}

/**
 * Replaces token-bearing links in every text (body, html) with placeholders and seals them.
 * `secrets` are other strings sealed the same way (a portal sign-in code): sent as written,
 * shown to staff as •••••.
 */
export function sealLinks(secret: string, texts: string[], secrets: readonly string[] = []): SealedText {
  const links: string[] = [];
  const out = texts.map((text) => {
    let sealedText = text.replace(URL_PATTERN, (url) => {
      if (!carriesToken(url)) return url;
      let index = links.indexOf(url);
      if (index < 0) index = links.push(url) - 1;
      return `{{link:${index}}}`;
    });
    for (const value of secrets) {
      if (!value || !sealedText.includes(value)) continue;
      let index = links.indexOf(value);
      if (index < 0) index = links.push(value) - 1;
      sealedText = sealedText.split(value).join(`{{link:${index}}}`);
    }
    return sealedText;
  });
  if (links.length === 0) return { texts: out, sealed: null };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', linkKey(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(links), 'utf8'), cipher.final()]);
  return { texts: out, sealed: `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}` };
}

export function openLinks(secret: string, sealed: string): string[] {
  if (!sealed.startsWith('v1.')) throw new Error('unknown sealed-links format');
  const raw = Buffer.from(sealed.slice(3), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', linkKey(secret), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  return JSON.parse(json) as string[];
}

/** The text as sent: placeholders filled with the live links. */
export function fillLinks(text: string, links: readonly string[]): string {
  return text.replace(PLACEHOLDER, (whole, index: string) => links[Number(index)] ?? whole);
}

/** The text as staff see it: each link with its token redacted. */
export function showRedacted(secret: string, text: string, sealed: string | null): string {
  if (!sealed) return text;
  let links: string[];
  try {
    // A sealed value that is no link (a sign-in code) is hidden whole.
    links = openLinks(secret, sealed).map((value) => (/^https?:\/\//.test(value) ? redactTokensInUrl(value) : '•••••'));
  } catch {
    // Sealed under another SESSION_SECRET: still show the message, with no link at all.
    links = [];
  }
  return text.replace(PLACEHOLDER, (_whole, index: string) => links[Number(index)] ?? '•••••');
}
