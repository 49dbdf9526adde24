import type { Sql } from '../database/database.ts';

export interface ClinicSettings {
  nameEn: string;
  nameAr: string;
  addressEn: string;
  addressAr: string;
  phone: string;
  email: string;
  timeZone: string;
  slotStepMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  cancellationWindowHours: number;
  waitlistHoldMinutes: number;
  reminderHoursBefore: number;
}

export async function loadClinic(sql: Sql): Promise<ClinicSettings> {
  const [row] = await sql.query<Record<string, string | number>>(
    `select name_en as "nameEn", name_ar as "nameAr", address_en as "addressEn", address_ar as "addressAr",
       phone, email, time_zone as "timeZone", slot_step_minutes as "slotStepMinutes",
       min_notice_minutes as "minNoticeMinutes", horizon_days as "horizonDays",
       cancellation_window_hours as "cancellationWindowHours", waitlist_hold_minutes as "waitlistHoldMinutes",
       reminder_hours_before as "reminderHoursBefore"
     from clinic`,
  );
  if (!row) throw new Error('The clinic is not set up: run with SEED_DEMO=1 or create the clinic row.');
  return row as unknown as ClinicSettings;
}
