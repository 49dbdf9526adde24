import type { StaffPractitioner, StaffRoom, StaffService } from '@myomap/contract/staff/catalog-admin.schemas';
import type { AppContext } from '../app-context.ts';
import { listPractitioners, listRooms, listServices, listWeeklyHours } from '../stores/catalog-store.ts';

/** Every practitioner, active or not, with weekly hours and breaks. */
export async function listStaffPractitioners(ctx: AppContext): Promise<StaffPractitioner[]> {
  const practitioners = await listPractitioners(ctx.db, false);
  const hours = await listWeeklyHours(ctx.db);
  const intervals = (practitionerId: string, isBreak: boolean) =>
    hours.filter((h) => h.practitionerId === practitionerId && h.isBreak === isBreak).map(({ weekday, start, end }) => ({ weekday, start, end }));
  return practitioners.map((p) => ({ ...p, weeklyHours: intervals(p.id, false), breaks: intervals(p.id, true) }));
}

export async function listStaffServices(ctx: AppContext): Promise<StaffService[]> {
  return listServices(ctx.db, false);
}

export async function listStaffRooms(ctx: AppContext): Promise<StaffRoom[]> {
  return listRooms(ctx.db);
}
