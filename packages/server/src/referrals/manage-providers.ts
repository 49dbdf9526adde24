import type { ProviderIn, ProviderOut, ProviderQuery } from '@myomap/contract/referrals/referrals.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { findProvider, insertProvider, searchProviders, updateProvider } from '../stores/referral-store.ts';

/** The provider directory: every staff member searches it; the administrator keeps it (issue 14). */
export function searchDirectory(ctx: AppContext, query: ProviderQuery): Promise<ProviderOut[]> {
  return searchProviders(ctx.db, query);
}

export async function getProvider(ctx: AppContext, id: string): Promise<ProviderOut> {
  const provider = await findProvider(ctx.db, id);
  if (!provider) throw new AppError('not_found', 'No such provider.');
  return provider;
}

export function createProvider(ctx: AppContext, body: ProviderIn, actor: Actor): Promise<ProviderOut> {
  checkContact(body);
  return ctx.db.transaction(async (tx) => {
    const saved = await insertProvider(tx, body, ctx.clock.now());
    await writeAudit(tx, actor, { action: 'referral_provider.create', entityType: 'referral_provider', entityId: saved.id, after: saved });
    return saved;
  });
}

export function saveProvider(ctx: AppContext, id: string, body: ProviderIn, actor: Actor): Promise<ProviderOut> {
  checkContact(body);
  return ctx.db.transaction(async (tx) => {
    const before = await findProvider(tx, id);
    if (!before) throw new AppError('not_found', 'No such provider.');
    const after = (await updateProvider(tx, id, body, ctx.clock.now())) as ProviderOut;
    await writeAudit(tx, actor, { action: 'referral_provider.update', entityType: 'referral_provider', entityId: id, before, after });
    return after;
  });
}

/** A provider nobody can reach is no use in a directory: one channel at least (the database agrees). */
function checkContact(body: ProviderIn): void {
  if (!body.email && !body.phone && !body.fax && !body.address?.trim())
    throw new AppError('validation_failed', 'Give at least one way to reach the provider: email, phone, fax or address.');
}
