/**
 * Patient and practitioner link tokens travel in URLs: `?token=` (manage booking, intake,
 * calendar feed) and path segments (`/aftercare/:token`, `/measures/:token`, `/waitlist/offer(s)/:token`, in the API
 * and in the web app's pages). Anything that writes a URL down (request logs, the mailbox)
 * passes it through here first.
 */
export const REDACTED = '•••••';

const QUERY_TOKEN = /([?&](?:token|manageToken)=)[^&#\s]*/gi;
// Staff account links (invitation, reset, first-run setup) set a password: sealed and redacted too.
const PATH_TOKEN = /(\/(?:aftercare|measures|waitlist\/offers?|staff\/welcome|auth\/links|setup)\/)(?!•)[^/?#\s]+/gi;

export function redactTokensInUrl(url: string): string {
  return url.replace(QUERY_TOKEN, `$1${REDACTED}`).replace(PATH_TOKEN, `$1${REDACTED}`);
}
