import { ApiError } from '../../../lib/api/api-client.ts';

/** The link's reference or token is unknown or malformed (404, 400): the page asks to check the link rather than showing an error. */
export function isBadLink(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400);
}
