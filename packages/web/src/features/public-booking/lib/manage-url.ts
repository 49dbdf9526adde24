/** The patient's private link to their booking; the token is the only key to it. */
export function manageUrl(reference: string, token: string, origin = window.location.origin): string {
  return `${origin}/booking/${encodeURIComponent(reference)}?token=${encodeURIComponent(token)}`;
}
