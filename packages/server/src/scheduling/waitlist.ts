import type { AppContext } from '../app-context.ts';
import type { Sql } from '../database/database.ts';
import { AppError } from '../lib/app-error.ts';
import { systemActor, writeAudit, type Actor } from '../lib/audit.ts';
import { hashToken, newToken } from '../lib/tokens.ts';
import { localDate } from '../lib/zoned-time.ts';
import { waitlistOfferText } from '../messages/booking-messages.ts';
import { cancelAppointmentRow, findAppointmentById, insertAppointment, type AppointmentRow } from '../stores/appointment-store.ts';
import { findService, practitionerOffersService } from '../stores/catalog-store.ts';
import { loadClinic, type ClinicSettings } from '../stores/clinic-store.ts';
import { createSelfRegisteredPatient } from '../stores/patient-store.ts';
import {
  claimExpiredHolds,
  claimFirstWaiting,
  convertHoldToVisit,
  findOfferByTokenHash,
  insertWaitlistEntry,
  markEntryOffered,
  setEntryStatus,
  type OfferRow,
} from '../stores/waitlist-store.ts';
import { bookingView } from './booking-view.ts';
import { enqueue, enqueueConfirmationAndReminder, loadNames } from './enqueue-appointment-messages.ts';

/**
 * Offers a freed visit slot to the first patient in line: the slot is held by a 'hold' row
 * (so the exclusion constraints keep it from anyone else) and the patient gets a link.
 */
export async function offerFreedSlot(tx: Sql, ctx: AppContext, clinic: ClinicSettings, freed: AppointmentRow, now: Date): Promise<boolean> {
  const date = localDate(freed.startsAt, clinic.timeZone);
  const entry = await claimFirstWaiting(tx, { serviceId: freed.serviceId, practitionerId: freed.practitionerId, date });
  if (!entry) return false;
  const service = await findService(tx, freed.serviceId ?? '');
  if (!service) return false;
  const offerToken = newToken();
  const holdExpiresAt = new Date(now.getTime() + clinic.waitlistHoldMinutes * 60_000);
  const hold = await insertAppointment(tx, {
    reference: null,
    kind: 'hold',
    serviceId: freed.serviceId,
    practitionerId: freed.practitionerId,
    roomId: freed.roomId,
    patientId: entry.patientId,
    start: freed.startsAt,
    end: freed.endsAt,
    bufferBeforeMinutes: service.bufferBeforeMinutes,
    bufferAfterMinutes: service.bufferAfterMinutes,
    manageTokenHash: null,
    source: 'waitlist',
    holdExpiresAt,
    now,
  });
  await markEntryOffered(tx, entry.id, hashToken(offerToken), hold.id);
  const names = await loadNames(tx, hold);
  const text = waitlistOfferText({
    ...names,
    clinic,
    reference: '',
    start: hold.startsAt,
    manageUrl: `${ctx.config.publicUrl}/waitlist/offer/${encodeURIComponent(offerToken)}`,
    holdMinutes: clinic.waitlistHoldMinutes,
  });
  await enqueue(
    tx,
    {
      dedupeKey: `waitlist-offer:${entry.id}:${hold.id}`,
      kind: 'waitlist_offer',
      recipient: names.patientEmail,
      subject: text.subject,
      body: text.body,
      short: text.short,
      patientId: entry.patientId,
      attachments: [],
      sendAfter: now,
      appointmentId: hold.id,
    },
    ctx.config.sessionSecret,
    ctx.config.publicUrl,
  );
  await writeAudit(tx, systemActor, { action: 'waitlist.offer', entityType: 'waitlist_entry', entityId: entry.id, after: { holdId: hold.id, holdExpiresAt } });
  return true;
}

async function findOffer(tx: Sql, token: string): Promise<{ entry: OfferRow; hold: AppointmentRow }> {
  const entry = await findOfferByTokenHash(tx, hashToken(token));
  if (!entry || !entry.holdId) throw new AppError('not_found', 'This offer link is not valid.');
  const hold = await findAppointmentById(tx, entry.holdId, true);
  if (!hold) throw new AppError('not_found', 'This offer link is not valid.');
  return { entry, hold };
}

function assertOpen(entry: OfferRow, hold: AppointmentRow, now: Date): void {
  const open = entry.status === 'offered' && hold.kind === 'hold' && hold.status === 'confirmed' && hold.holdExpiresAt !== null && hold.holdExpiresAt > now;
  if (!open) throw new AppError('offer_expired', 'This offer has expired or was already used.');
}

export async function viewOffer(ctx: AppContext, token: string) {
  return ctx.db.transaction(async (tx) => {
    const clinic = await loadClinic(tx);
    const { entry, hold } = await findOffer(tx, token);
    const now = ctx.clock.now();
    const open = entry.status === 'offered' && hold.kind === 'hold' && hold.status === 'confirmed' && (hold.holdExpiresAt ?? now) > now;
    return {
      ...bookingView(hold, clinic.timeZone),
      status: open ? ('offered' as const) : ('expired' as const),
      holdExpiresAt: hold.holdExpiresAt?.toISOString() ?? null,
    };
  });
}

/** Turns the held slot into the patient's booking. */
export async function acceptOffer(ctx: AppContext, token: string, actor: Actor) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const clinic = await loadClinic(tx);
    const { entry, hold } = await findOffer(tx, token);
    assertOpen(entry, hold, now);
    const manageToken = newToken();
    const visit = await convertHoldToVisit(tx, hold.id, hashToken(manageToken));
    if (!visit) throw new Error('hold vanished');
    await setEntryStatus(tx, entry.entryId, 'booked');
    await enqueueConfirmationAndReminder(tx, ctx, clinic, visit, manageToken, now);
    await writeAudit(tx, actor, { action: 'waitlist.accept', entityType: 'appointment', entityId: visit.id, after: { reference: visit.reference } });
    return bookingView(visit, clinic.timeZone, manageToken);
  });
}

export async function declineOffer(ctx: AppContext, token: string, actor: Actor) {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const clinic = await loadClinic(tx);
    const { entry, hold } = await findOffer(tx, token);
    assertOpen(entry, hold, now);
    await releaseHold(tx, ctx, clinic, entry.entryId, hold, now, 'cancelled', actor);
    return { declined: true as const };
  });
}

async function releaseHold(
  tx: Sql,
  ctx: AppContext,
  clinic: ClinicSettings,
  entryId: string,
  hold: AppointmentRow,
  now: Date,
  entryStatus: 'expired' | 'cancelled',
  actor: Actor,
) {
  const released = await cancelAppointmentRow(tx, hold.id, now, `waitlist_${entryStatus}`);
  await setEntryStatus(tx, entryId, entryStatus);
  await writeAudit(tx, actor, { action: `waitlist.${entryStatus}`, entityType: 'waitlist_entry', entityId: entryId });
  if (released.startsAt > now) await offerFreedSlot(tx, ctx, clinic, released, now);
}

/** Worker task: holds past their time pass to the next patient in line. */
export async function expireWaitlistHolds(ctx: AppContext, now: Date): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const clinic = await loadClinic(tx);
    const holds = await claimExpiredHolds(tx, now);
    for (const hold of holds) await releaseHold(tx, ctx, clinic, hold.entryId, hold, now, 'expired', systemActor);
    return holds.length;
  });
}

export async function joinWaitlist(
  ctx: AppContext,
  request: {
    serviceId: string;
    practitionerId?: string | undefined;
    dateFrom: string;
    dateTo: string;
    patient: { name: string; email: string; phone?: string | undefined; preferredLanguage?: 'en' | 'ar' | undefined };
  },
  actor: Actor,
) {
  return ctx.db.transaction(async (tx) => {
    const service = await findService(tx, request.serviceId);
    if (!service || !service.active || !service.bookableOnline) throw new AppError('unknown_service', 'No such service is bookable online.');
    if (request.practitionerId) {
      if (!(await practitionerOffersService(tx, request.practitionerId, request.serviceId)))
        throw new AppError('unknown_practitioner', 'That practitioner does not offer this service.');
    }
    const patient = await createSelfRegisteredPatient(tx, request.patient);
    const manageToken = newToken();
    const row = await insertWaitlistEntry(tx, {
      serviceId: request.serviceId,
      practitionerId: request.practitionerId ?? null,
      patientId: patient.id,
      dateFrom: request.dateFrom,
      dateTo: request.dateTo,
      manageTokenHash: hashToken(manageToken),
    });
    await writeAudit(tx, actor, {
      action: 'waitlist.join',
      entityType: 'waitlist_entry',
      entityId: row.id,
      after: { ...request, patient: undefined, patientId: patient.id },
    });
    return {
      id: row.id,
      status: 'waiting' as const,
      serviceId: request.serviceId,
      practitionerId: request.practitionerId ?? null,
      dateFrom: request.dateFrom,
      dateTo: request.dateTo,
      manageToken,
    };
  });
}
