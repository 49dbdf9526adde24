import { intake } from '@myomap/domain/screening/screening-case-builder';
import { intakeResponse } from '@myomap/domain/screening/intake-questionnaire-data';
import type { AssessmentData } from '@myomap/domain/clinical/assessment-schemas';
import type { NoteData } from '@myomap/domain/treatment/treatment-schemas';
import { Temporal } from 'temporal-polyfill';
import type { AppContext } from '../../app-context.ts';
import { startAssessment, saveAssessment } from '../../clinical/save-assessment.ts';
import { registerPatient } from '../../clinical/save-patient.ts';
import { writeAudit, type Actor } from '../../lib/audit.ts';
import type { ManualClock } from '../../lib/clock.ts';
import { hashToken, newToken } from '../../lib/tokens.ts';
import { dischargeEpisode } from '../../outcomes/discharge-episode.ts';
import { openEpisode } from '../../outcomes/open-episode.ts';
import { recordMeasurement } from '../../outcomes/record-measurement.ts';
import { byAppointmentId, saveIntakeAnswers, signIntakeConsent, submitIntakeAnswers } from '../../safety/fill-intake.ts';
import { currentConsentVersion, loadSafety } from '../../safety/intake-service.ts';
import { recordPhysicianReview } from '../../safety/record-physician-review.ts';
import { startTreatmentSession } from '../../safety/start-treatment-session.ts';
import { cancelAppointmentRow, insertAppointment, markAppointmentNoShow } from '../../stores/appointment-store.ts';
import { lockNote } from '../../stores/note-store.ts';
import { approveTreatmentPlan, cosignTreatmentPlan } from '../../treatment/approve-treatment-plan.ts';
import { openSessionNote } from '../../treatment/open-session-note.ts';
import { proposePlan } from '../../treatment/propose-plan.ts';
import { saveSessionNote } from '../../treatment/save-session-note.ts';
import { signSessionNote } from '../../treatment/sign-session-note.ts';
import type { PlannedAppointment, PlannedMeasures, PlannedNote, PlannedPatient } from './plan-demo-history.ts';

/** A small drawn signature (a PNG squiggle), the same on every demo consent. */
const SIGNATURE =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAKAAAAAwCAAAAACzwi6yAAABK0lEQVR42u2Y3Q7DIAiFz/u/tEu6ZUE8iNDpeoGXUuALP6JFe/hCARZgARZgARbgcUBc67mAwElCpPmeD4i40gnAj6McIPYDft2E3CFfFwgmKAX4VtoPiCadBNxx5TV1hBIkza4DjlEPJByhBHVGlwl7rmBJYt2+NrmcJJXZRtJxB9C0gy4y9jiUUkmmDXM3mErngZKO1EdiDxSwGZIB5zYgTZfY45LBdG8EFBBBPqu9R3K41aO+/RVgMwpKN+tqfzNjHqDTabSg+r2Zvq5TEnQ4JLHjODljWKongHpcZOZFCBDDDJT1TKM9O+G8ECJ3z7HeE7AmWg4QUUC3TudnQ8pX8FLl9RGPduoGt+W1AiPa+WBsBLRHzx9fzDjprH59FGABFmABFmABDusFgkud0CO9PcYAAAAASUVORK5CYII=';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DEMO_ACTORS = {
  reception: { type: 'staff', id: 'user-reception', role: 'reception' },
  physician: { type: 'staff', id: 'user-physician', role: 'physician' },
  patient: { type: 'patient' },
} as const satisfies Record<string, Actor>;

export interface PlayCounts {
  appointments: number;
  notes: number;
  measurements: number;
}

/** The instant a local date and minute name in the clinic's zone (Temporal: right across DST too). */
export function clinicInstant(date: string, minute: number, timeZone: string): Date {
  const local = Temporal.PlainDate.from(date).toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 });
  return new Date(local.toZonedDateTime(timeZone).epochMilliseconds);
}

const earlier = (a: Date, b: Date) => (a.getTime() <= b.getTime() ? a : b);

/** The LEFS's 20 items (0–4 each) answered so that they sum to the planned total. */
function lefsAnswers(total: number, itemIds: readonly string[]): Record<string, number> {
  const base = Math.floor(total / itemIds.length);
  return Object.fromEntries(itemIds.map((id, i) => [id, Math.min(4, base + (i < total % itemIds.length ? 1 : 0))]));
}

function assessmentFrom(patient: PlannedPatient, first: PlannedNote): AssessmentData {
  const { complaint, side } = patient;
  return {
    painMap: first.painMap,
    triggerPoints: complaint.triggerPoints.map((t, i) => ({ muscleId: t.muscleId, side, activity: t.activity, reproducesFamiliarPain: i === 0 })),
    tautBands: complaint.triggerPoints.slice(0, 2).map((t) => ({ muscleId: t.muscleId, side })),
    tenderAreas: [],
    nerveFindings: [],
    posture: complaint.painCause === 'posture' ? [{ finding: 'Forward head and rounded shoulders' }] : [],
    gait: [],
    biomechanics: [],
    perpetuatingFactors: {
      biomechanical: complaint.painCause === 'posture' ? ['Long hours at a desk'] : complaint.painCause === 'repetitive_strain' ? ['Repetitive work'] : [],
      biochemical: [],
      psychosocial: complaint.painCause === 'unknown' ? ['Work stress'] : [],
    },
    problems: [],
    summary: `${complaint.assessment} ${first.report}`,
  };
}

/** The note as the therapist writes it: the plan's rows for the palpated muscles done, the rest left for another day. */
function fillNote(started: NoteData, planned: PlannedNote, patient: PlannedPatient, pain: number): NoteData {
  const palpated = new Set(patient.complaint.triggerPoints.map((t) => t.muscleId));
  const matched = started.techniques.some((row) => palpated.has(row.muscleId));
  const techniques = started.techniques.map((row, i) => ({ ...row, done: matched ? palpated.has(row.muscleId) : i < 4 }));
  // Only muscles the plan (after the precautions) treats are recorded as treated.
  const treated = [...new Map(techniques.filter((row) => row.done).map((row) => [row.muscleId, row])).values()].slice(0, 4);
  const activity = (muscleId: string) => patient.complaint.triggerPoints.find((t) => t.muscleId === muscleId)?.activity ?? 'active';
  return {
    subjective: { report: planned.report, pain, sorenessSinceLast: planned.soreness },
    objective: {
      findings: planned.findings,
      painMap: planned.painMap,
      triggerPointsTreated: treated.map((row) => ({ muscleId: row.muscleId, ...(row.side ? { side: row.side } : {}), activity: activity(row.muscleId) })),
    },
    assessment: planned.assessment,
    plan: planned.plan,
    techniques,
    response: planned.response,
    adverseEvent: null,
  };
}

/**
 * Plays one planned patient through the clinic's services, moving the clock to each moment:
 * registration, bookings, the intake and consent from the booking link, a physician's clearance
 * when the screen asks for one, and each visit (session, assessment, episode, plan, measures,
 * signed note), then the discharge. Every safety gate and precaution check runs as it would for
 * staff; if one refuses, the plan is wrong and the seed fails loudly rather than going around it.
 */
export async function playDemoPatient(
  ctx: AppContext,
  clock: ManualClock,
  patient: PlannedPatient,
  context: { now: Date; timeZone: string; lefsItems: readonly string[] },
): Promise<PlayCounts> {
  const { now, timeZone, lefsItems } = context;
  const at = (a: Pick<PlannedAppointment, 'date' | 'minute'>) => clinicInstant(a.date, a.minute, timeZone);
  const counts: PlayCounts = { appointments: 0, notes: 0, measurements: 0 };
  const first = patient.appointments[0];
  if (!first) return counts;
  const therapist: Actor = { type: 'staff', id: patient.therapist.userId, role: 'therapist' };

  clock.set(earlier(new Date(at(first).getTime() - 7 * DAY), new Date(now.getTime() - 2 * DAY)));
  const registered = await registerPatient(
    ctx,
    {
      name: patient.name,
      email: patient.email,
      phone: patient.phone,
      dateOfBirth: patient.dateOfBirth,
      sex: patient.sex,
      preferredLanguage: patient.language,
      emergencyContactName: patient.emergencyContact.name,
      emergencyContactPhone: patient.emergencyContact.phone,
    },
    DEMO_ACTORS.reception,
  );
  const bookedAt = clock.now();

  // Reception books the visits (a booking's messages belong to its time: none are queued for history).
  const ids = await ctx.db.transaction(async (tx) => {
    const out: string[] = [];
    for (const planned of patient.appointments) {
      const start = at(planned);
      const row = await insertAppointment(tx, {
        reference: planned.reference,
        kind: 'visit',
        serviceId: planned.serviceId,
        practitionerId: patient.therapist.practitionerId,
        roomId: patient.therapist.roomId,
        patientId: registered.id,
        start,
        end: new Date(start.getTime() + planned.durationMinutes * MINUTE),
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 15,
        manageTokenHash: hashToken(newToken()),
        source: 'staff',
        now: earlier(new Date(Math.max(bookedAt.getTime(), start.getTime() - 6 * DAY)), now),
      });
      await writeAudit(tx, DEMO_ACTORS.reception, { action: 'appointment.create', entityType: 'appointment', entityId: row.id });
      if (planned.status === 'cancelled') {
        await cancelAppointmentRow(tx, row.id, new Date(start.getTime() - DAY), 'patient_cancelled');
        await writeAudit(tx, DEMO_ACTORS.reception, { action: 'appointment.cancel', entityType: 'appointment', entityId: row.id });
      }
      if (planned.status === 'no_show') {
        await markAppointmentNoShow(tx, row.id);
        await writeAudit(tx, DEMO_ACTORS.reception, { action: 'appointment.no_show', entityType: 'appointment', entityId: row.id });
      }
      out.push(row.id);
    }
    return out;
  });
  counts.appointments = ids.length;
  const firstId = ids[0] as string;

  // The intake and consent, from the booking link the evening before the first visit.
  if (patient.intake) {
    clock.set(earlier(new Date(at(first).getTime() - 15 * HOUR), new Date(now.getTime() - HOUR)));
    const find = byAppointmentId(firstId);
    await saveIntakeAnswers(ctx, find, { response: intakeResponse(intake(patient.intake)), language: patient.language }, DEMO_ACTORS.patient);
    await submitIntakeAnswers(ctx, find, DEMO_ACTORS.patient);
    await signIntakeConsent(
      ctx,
      find,
      { version: currentConsentVersion, language: patient.language, typedName: patient.name, signature: SIGNATURE },
      DEMO_ACTORS.patient,
    );
    // The physician reviews every screen that sets precautions (the review queue), before the first visit.
    const safety = await loadSafety(ctx.db, registered.id);
    if (safety.gate.withPrecautions || safety.gate.blocks.includes('physician_clearance_required')) {
      clock.set(new Date(clock.now().getTime() + 2 * HOUR));
      const note = patient.physicianNote ?? 'Reviewed the intake; fit for NMT within the screen’s precautions.';
      await recordPhysicianReview(ctx, registered.id, { decision: 'clear_with_precautions', notes: note, precautions: [note] }, DEMO_ACTORS.physician);
    }
  }

  let episodeId = '';
  for (const [index, planned] of patient.appointments.entries()) {
    if (planned.status !== 'attended' || !planned.measures || !planned.note) continue;
    const start = at(planned);
    const step = (minutes: number) => clock.set(new Date(start.getTime() + minutes * MINUTE));
    step(2);
    const session = await startTreatmentSession(ctx, ids[index] as string, therapist);
    if (planned.visit === 0) {
      step(10);
      const assessment = await startAssessment(ctx, registered.id, ids[index], therapist);
      step(35);
      await saveAssessment(ctx, assessment.id, assessmentFrom(patient, planned.note), therapist);
      const episode = await openEpisode(
        ctx,
        registered.id,
        {
          complaint: patient.complaint.complaint,
          region: patient.complaint.region,
          primaryInstrumentId: patient.complaint.primaryInstrumentId,
          practitionerId: patient.therapist.practitionerId,
          assessmentId: assessment.id,
        },
        therapist,
      );
      episodeId = episode.id;
      step(45);
      const plan = await approveTreatmentPlan(ctx, (await proposePlan(ctx, assessment.id, therapist)).id, undefined, therapist);
      // With precautions a physician co-signs the plan (decide-plan-approval.ts), the same day.
      if (plan.status === 'awaiting_cosign') {
        step(50);
        await cosignTreatmentPlan(ctx, plan.id, DEMO_ACTORS.physician);
      }
    }
    step(52);
    counts.measurements += await recordVisitMeasures(ctx, episodeId, planned.measures, patient, therapist, lefsItems);
    step(55);
    const note = await openSessionNote(ctx, session.id, therapist);
    const started = await lockNote(ctx.db, note.id);
    if (!started) throw new Error(`note ${note.id} was not started`);
    step(planned.durationMinutes - 5);
    await saveSessionNote(ctx, note.id, { data: fillNote(started.data, planned.note, patient, planned.measures.nprs) }, therapist);
    step(planned.durationMinutes);
    await signSessionNote(ctx, note.id, undefined, therapist);
    counts.notes += 1;
    counts.measurements += 1; // the note's NPRS (asserted in seed-demo-history.int.test.ts)
  }

  if (patient.discharge && episodeId) {
    clock.set(clinicInstant(patient.discharge.on, 18 * 60, timeZone));
    await dischargeEpisode(ctx, episodeId, patient.discharge.reason, therapist);
  }
  return counts;
}

/**
 * The region measure, PSFS and the global rating on the tablet when due. The NPRS of every visit is
 * the note's pain today, which signing the note records in the episode (record-note-pain.ts).
 */
async function recordVisitMeasures(
  ctx: AppContext,
  episodeId: string,
  measures: PlannedMeasures,
  patient: PlannedPatient,
  therapist: Actor,
  lefsItems: readonly string[],
): Promise<number> {
  const language = patient.language;
  const entries: { instrumentId: string; answers: Record<string, number>; source: 'clinic_tablet' }[] = [];
  if (measures.lefs !== undefined) entries.push({ instrumentId: 'lefs', answers: lefsAnswers(measures.lefs, lefsItems), source: 'clinic_tablet' });
  if (measures.psfs)
    entries.push({
      instrumentId: 'psfs',
      answers: Object.fromEntries(patient.activities.map((activity, i) => [activity, measures.psfs?.[i] ?? 0])),
      source: 'clinic_tablet',
    });
  if (measures.groc !== undefined) entries.push({ instrumentId: 'groc', answers: { change: measures.groc }, source: 'clinic_tablet' });
  for (const entry of entries) await recordMeasurement(ctx, episodeId, { ...entry, language }, therapist);
  return entries.length;
}
