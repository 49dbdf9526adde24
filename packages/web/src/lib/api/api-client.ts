/** The one way the web app talks to the server: JSON in and out, errors as ApiError. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;
let unauthorizedListener: (() => void) | undefined;

/**
 * The one 401 handler: every answer of 401 from any request, read or write, in any feature, reaches
 * this listener (the staff session registers it and ends the session, which sends the user to sign-in).
 */
export function onUnauthorized(listener: (() => void) | undefined): void {
  unauthorizedListener = listener;
}

/** Set after sign-in (and on /api/auth/me); sent with every state-changing staff request. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** JSON in and out; a FormData body (a photo upload) goes as multipart, with the browser's boundary. */
export async function api<T>(path: string, options: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['content-type'] = 'application/json';
  // A caller's own token (the portal session's) wins over the staff one.
  if (method !== 'GET' && csrfToken && !headers['x-csrf-token']) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body instanceof FormData ? { body: options.body } : options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Network error');
  }
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    // Not JSON (a proxy's error page): report the status, never a parse error.
    data = undefined;
    if (response.ok) throw new ApiError(response.status, 'unknown_error', 'The server sent an answer that is not JSON');
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    // A wrong password or two-factor code is also a 401 (invalid_credentials, invalid_two_factor_code), but
    // the session lives on: only 'unauthenticated' (or a 401 without a code) means it has ended.
    if (response.status === 401 && (error?.code ?? 'unauthenticated') === 'unauthenticated') unauthorizedListener?.();
    throw new ApiError(response.status, error?.code ?? 'unknown_error', error?.message ?? response.statusText, error?.details);
  }
  return data as T;
}
