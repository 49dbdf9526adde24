import type { Page } from 'playwright-core';

/** The demo clinic's staff password (README: every demo account shares it). */
export const DEMO_PASSWORD = 'myomap-demo';

export interface SignInLabels {
  email: string;
  password: string;
  submit: string;
}

export const SIGN_IN_EN: SignInLabels = { email: 'Email', password: 'Password', submit: 'Sign in' };
export const SIGN_IN_AR: SignInLabels = { email: 'البريد الإلكتروني', password: 'كلمة المرور', submit: 'تسجيل الدخول' };

/**
 * Opens a staff page signed out, follows the redirect to sign-in, signs in there with the form's
 * labels in the page's language, and waits to be back on the page asked for.
 */
export async function signInThroughRedirect(page: Page, baseUrl: string, email: string, path: string, labels: SignInLabels = SIGN_IN_EN): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/staff\/sign-in\?next=/);
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: labels.submit, exact: true }).click();
  const pathname = new URL(path, baseUrl).pathname;
  await page.waitForURL((url) => url.pathname === pathname);
}

/** Same-session API calls from the page's cookie jar, with the CSRF token the app would send. */
export async function staffRequest<T>(
  page: Page,
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<{ status: number; data: T }> {
  const me = (await (await page.request.get(`${baseUrl}/api/auth/me`)).json()) as { csrfToken: string };
  const response = await page.request.fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'x-csrf-token': me.csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { data: JSON.stringify(body) }),
  });
  return { status: response.status(), data: (await response.json()) as T };
}
