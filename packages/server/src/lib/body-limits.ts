/**
 * Request-body caps for routes anyone can call (issue 8 item 11): the global 1 MB limit is for
 * staff uploads; an anonymous caller gets only what its form can need, so a script cannot make
 * each request cost the database hundreds of kilobytes. A larger body is 413 payload_too_large.
 */
export const BODY_LIMITS = {
  /** Booking, cancel, reschedule, waitlist, sign-in, check-in, source finder: a few fields. */
  form: 16 * 1024,
  /** A consent: the drawn signature (at most 400 000 characters by schema) plus a name. */
  consent: 420 * 1024,
  /** An intake questionnaire response. */
  intake: 512 * 1024,
  /** A FHIR Bundle of patients and appointments to import (admin): a few thousand entries. */
  fhirImport: 4 * 1024 * 1024,
} as const;
