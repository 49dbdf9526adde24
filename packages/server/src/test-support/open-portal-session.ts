import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.ts';
import { readSentMessages } from './read-outbox.ts';

/**
 * Signs a patient in to the portal the way they would: ask for a link, read it from the outbox
 * (sealed links opened), follow it. Returns the cookie and CSRF headers of the portal session.
 */
export async function openPortalSession(
  app: FastifyInstance,
  ctx: AppContext,
  email: string,
  ip = '10.9.9.9',
): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const asked = await app.inject({ method: 'POST', url: '/api/portal/sign-in', payload: { email }, remoteAddress: ip });
  if (asked.statusCode !== 202) throw new Error(`portal sign-in request failed: ${asked.body}`);
  const body = (await readSentMessages(ctx, 'portal_sign_in', email.toLowerCase())).at(-1)?.body ?? '';
  const token = /portal\/sign-in\?token=([\w-]+)/.exec(body)?.[1];
  if (!token) throw new Error(`no portal sign-in link was sent to ${email}`);
  const signed = await app.inject({ method: 'POST', url: '/api/portal/sign-in/link', payload: { token } });
  const cookie = signed.cookies.find((c) => c.name === 'myomap_portal');
  if (signed.statusCode !== 200 || !cookie) throw new Error(`portal sign-in failed: ${signed.body}`);
  return { cookie: `myomap_portal=${cookie.value}`, 'x-csrf-token': signed.json<{ csrfToken: string }>().csrfToken };
}
