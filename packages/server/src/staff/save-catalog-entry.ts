import type { PractitionerFields, RoomFields, SavedOut, ServiceFields } from '@myomap/contract/staff/catalog-admin.schemas';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { readCatalogRow, setPractitionerServices, upsertCatalogRow, type CatalogTable } from '../stores/catalog-store.ts';
import { refuseInvalidReference } from './catalog-errors.ts';

type Entry = { practitioners: Partial<PractitionerFields>; services: Partial<ServiceFields>; rooms: Partial<RoomFields> };

/**
 * Creates (id undefined) or updates a practitioner, service or room with the fields given, and
 * audits the row before and after. A practitioner's `serviceIds`, when given, replace the
 * services they offer.
 */
export async function saveCatalogEntry<T extends CatalogTable>(
  ctx: AppContext,
  table: T,
  id: string | undefined,
  fields: Entry[T],
  actor: Actor,
): Promise<SavedOut> {
  return ctx.db
    .transaction(async (tx) => {
      const before = id ? await readCatalogRow(tx, table, id) : undefined;
      const savedId = await upsertCatalogRow(tx, table, id, fields);
      if (savedId === undefined) throw new AppError('not_found', `No such ${table.slice(0, -1)}.`);
      if ('serviceIds' in fields && fields.serviceIds) await setPractitionerServices(tx, savedId, fields.serviceIds);
      const saved = await readCatalogRow(tx, table, savedId);
      await writeAudit(tx, actor, { action: `${table}.${id ? 'update' : 'create'}`, entityType: table.slice(0, -1), entityId: savedId, before, after: saved });
      return { id: savedId };
    })
    .catch(refuseInvalidReference);
}
