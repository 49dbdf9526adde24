import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

/**
 * A dependency loaded the first time it is used, not when the server starts. Every start loaded
 * pdfkit and fontkit (letters, about 170 ms), nodemailer (SMTP, about 60 ms), markdown-it (articles),
 * Medplum's FHIR validator and qrcode (two-factor set-up) on the app's thread, which is the longest
 * part of a later start (issue 13), for work a start may never see. Synchronous (CommonJS, through
 * createRequire: each of these packages ships a CommonJS build), so callers keep their shape; the
 * type is the caller's, from the package's own declarations (`import type`).
 */
export function loadWhenUsed<T>(specifier: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load(specifier) as T);
}
