import { Type, type Static } from '@sinclair/typebox';

/**
 * Expected failures are data: a code, a message and an HTTP status from one table. The server
 * throws them (server/src/lib/app-error.ts); the web app translates them by code
 * (tests assert the code, never the message).
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_url: 400,
  invalid_multipart: 400,
  unknown_zone: 400,
  invalid_range: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_two_factor_code: 401,
  forbidden: 403,
  csrf_failed: 403,
  two_factor_enrolment_required: 403,
  wrong_password: 403,
  not_author: 403,
  not_found: 404,
  link_invalid: 404,
  unknown_service: 404,
  unknown_practitioner: 404,
  slot_unavailable: 409,
  conflict: 409,
  setup_complete: 409,
  email_taken: 409,
  last_admin: 409,
  own_account: 409,
  two_factor_required: 409,
  two_factor_already_enabled: 409,
  two_factor_not_started: 409,
  already_cancelled: 409,
  cancellation_window_passed: 409,
  offer_expired: 409,
  note_signed: 409,
  consent_required: 409,
  physician_clearance_required: 409,
  screening_required: 409,
  referred_by_physician: 409,
  referral_result_pending: 409,
  illegal_transition: 409,
  patient_merged: 409,
  identity_check_required: 409,
  visit_in_future: 409,
  precaution_conflict: 409,
  reasoning_suspended: 409,
  episode_closed: 409,
  measures_already_answered: 409,
  no_measures_due: 409,
  personal_health_details: 409,
  clearance_reason_required: 422,
  instrument_not_licensed: 422,
  idempotency_key_reused: 422,
  unprocessable: 422,
  password_too_weak: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  booking_limit_reached: 429,
  internal_error: 500,
  not_ready: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Every 4xx/5xx body (shared/api/contract.md): `{ error: { code, message, details? } }`. */
export const ErrorOut = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'snake_case code from the error table' }),
      message: Type.String({ description: 'English text for logs and integrators; the web app shows its own translation of the code' }),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorOut', description: 'An error' },
);
export type ErrorOut = Static<typeof ErrorOut>;
