/**
 * Expected failures are data: a code, a message and an HTTP status from one table.
 * Tests assert the code, never the message.
 */
import { ERROR_STATUS, type ErrorCode } from '@myomap/contract/common/error.schemas';

export { ERROR_STATUS, type ErrorCode };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.status = ERROR_STATUS[code];
  }
}

export function errorBody(code: string, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }) } };
}
