import type { LocalizedText } from '@myomap/contract/common/localized-text.schemas';
import type { Sql } from '../database/database.ts';

export interface ClinicSettings {
  name: LocalizedText;
  address: LocalizedText;
  phone: string;
  email: string;
  /** A map link for emails; empty when the clinic has not set one (emails then search the address). */
  mapUrl: string;
  timeZone: string;
  slotStepMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  cancellationWindowHours: number;
  waitlistHoldMinutes: number;
  reminderHoursBefore: number;
}

export async function loadClinic(sql: Sql): Promise<ClinicSettings> {
  const [row] = await sql.query<Record<string, unknown>>(
    `select json_build_object('en', name_en, 'ar', name_ar) as name, json_build_object('en', address_en, 'ar', address_ar) as address,
       phone, email, map_url as "mapUrl", time_zone as "timeZone", slot_step_minutes as "slotStepMinutes",
       min_notice_minutes as "minNoticeMinutes", horizon_days as "horizonDays",
       cancellation_window_hours as "cancellationWindowHours", waitlist_hold_minutes as "waitlistHoldMinutes",
       reminder_hours_before as "reminderHoursBefore"
     from clinic`,
  );
  if (!row) throw new Error('The clinic is not set up: run with SEED_DEMO=1 or create the clinic row.');
  return row as unknown as ClinicSettings;
}
