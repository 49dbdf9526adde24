import type { ClinicOut, ServiceOut } from '@myomap/contract/catalog/catalog.schemas';
import type { Sql } from '../database/database.ts';
import { listPractitioners, listServices } from '../stores/catalog-store.ts';
import { loadClinic } from '../stores/clinic-store.ts';

/** The clinic's public settings, as GET /api/clinic sends them and the server puts them into its pages. */
export async function readPublicClinic(sql: Sql): Promise<ClinicOut> {
  const c = await loadClinic(sql);
  return {
    name: c.name,
    address: c.address,
    phone: c.phone,
    email: c.email,
    timeZone: c.timeZone,
    cancellationWindowHours: c.cancellationWindowHours,
    minNoticeMinutes: c.minNoticeMinutes,
    horizonDays: c.horizonDays,
  };
}

/** Services bookable online with who offers them, as GET /api/services sends them and the home page lists them. */
export async function readPublicServices(sql: Sql): Promise<ServiceOut[]> {
  const [services, practitioners] = await Promise.all([listServices(sql, true), listPractitioners(sql, true)]);
  return services.map((s) => ({
    id: s.id,
    name: s.name.en,
    names: s.name,
    description: s.description,
    durationMinutes: s.durationMinutes,
    practitionerKind: s.practitionerKind,
    priceAed: s.priceAed,
    practitionerIds: practitioners.filter((p) => p.serviceIds.includes(s.id)).map((p) => p.id),
  }));
}
