import { can } from '@myomap/domain/access/permissions';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError } from '../../lib/app-error.ts';
import { writeAudit } from '../../lib/audit.ts';
import { staffActor } from '../../lib/staff-session.ts';
import { isRealDate, toZonedIso } from '../../lib/zoned-time.ts';
import { loadClinic } from '../../stores/clinic-store.ts';
import { NonBlankText } from '@myomap/contract/common/text.schemas';
import { permit } from '../../lib/route-access.ts';

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const Sex = Type.Union([Type.Literal('female'), Type.Literal('male'), Type.Literal('other'), Type.Literal('unknown')]);
const PatientFields = {
  name: NonBlankText({ maxLength: 200 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  phone: Type.Optional(Type.Union([Type.String({ minLength: 5, maxLength: 30, pattern: '^[+0-9 ()-]+$' }), Type.Null()])),
  dateOfBirth: Type.Optional(Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()])),
  sex: Type.Optional(Type.Union([Sex, Type.Null()])),
  preferredLanguage: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ar')])),
  emergencyContactName: Type.Optional(Type.Union([NonBlankText({ maxLength: 200 }), Type.Null()])),
  emergencyContactPhone: Type.Optional(Type.Union([Type.String({ maxLength: 30 }), Type.Null()])),
};
const patientColumns = `id, name, email, phone, date_of_birth::text as "dateOfBirth", sex, preferred_language as "preferredLanguage",
  emergency_contact_name as "emergencyContactName", emergency_contact_phone as "emergencyContactPhone", created_at as "createdAt",
  identity_status as "identityStatus", merged_into_id as "mergedIntoId"`;
const columnOf: Record<string, string> = {
  name: 'name', email: 'email', phone: 'phone', dateOfBirth: 'date_of_birth', sex: 'sex', preferredLanguage: 'preferred_language',
  emergencyContactName: 'emergency_contact_name', emergencyContactPhone: 'emergency_contact_phone',
};

function checkDateOfBirth(value: string | null | undefined, today: Date): void {
  if (value === undefined || value === null) return;
  if (!isRealDate(value) || value > today.toISOString().slice(0, 10) || value < '1900-01-01') {
    throw new AppError('validation_failed', 'dateOfBirth must be a real date in the past.');
  }
}

export const patientRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/staff/patients',
    { config: { access: permit('patient.contact.read') }, schema: { tags: ['clinical'], querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }) } },
    async (request) => {
      const q = request.query.q?.trim() ?? '';
      const rows = await app.ctx.db.query(
        `select ${patientColumns} from patients
         where identity_status <> 'merged'
           and ($1 = '' or name ilike '%' || $1 || '%' or email ilike '%' || $1 || '%' or coalesce(phone, '') ilike '%' || $1 || '%')
         order by name limit 100`,
        [q],
      );
      await app.ctx.db.transaction((tx) => writeAudit(tx, staffActor(request), { action: 'patients.search', entityType: 'patient', after: { q, results: rows.length } }));
      return rows;
    },
  );

  app.post('/staff/patients', { config: { access: permit('patient.contact.write') }, schema: { tags: ['clinical'], body: Type.Object(PatientFields, { additionalProperties: false }) } }, async (request, reply) => {
    const b = request.body;
    checkDateOfBirth(b.dateOfBirth, app.ctx.clock.now());
    const actor = staffActor(request);
    const row = await app.ctx.db.transaction(async (tx) => {
      const [saved] = await tx.query<{ id: string }>(
        `insert into patients (name, email, phone, date_of_birth, sex, preferred_language, emergency_contact_name, emergency_contact_phone)
         values ($1, lower($2), $3, $4, $5, $6, $7, $8) returning ${patientColumns}`,
        [b.name.trim(), b.email.trim(), b.phone ?? null, b.dateOfBirth ?? null, b.sex ?? null, b.preferredLanguage ?? 'en', b.emergencyContactName ?? null, b.emergencyContactPhone ?? null],
      );
      await writeAudit(tx, actor, { action: 'patients.create', entityType: 'patient', entityId: saved?.id, after: saved });
      return saved;
    });
    return reply.status(201).send(row);
  });

  app.patch(
    '/staff/patients/:id',
    { config: { access: permit('patient.contact.write') }, schema: { tags: ['clinical'], params: IdParams, body: Type.Partial(Type.Object(PatientFields, { additionalProperties: false })) } },
    async (request) => {
      checkDateOfBirth(request.body.dateOfBirth, app.ctx.clock.now());
      const entries = Object.entries(request.body).filter(([k, v]) => k in columnOf && v !== undefined);
      const actor = staffActor(request);
      return app.ctx.db.transaction(async (tx) => {
        const [before] = await tx.query(`select ${patientColumns} from patients where id = $1 for update`, [request.params.id]);
        if (!before) throw new AppError('not_found', 'No such patient.');
        // A merged record is history; edits go to the patient it was merged into.
        if ((before as { identityStatus?: string }).identityStatus === 'merged') throw new AppError('patient_merged', 'This record was merged into another patient.', { mergedIntoId: (before as { mergedIntoId?: string }).mergedIntoId });
        const [after] = entries.length
          ? await tx.query(`update patients set ${entries.map(([k], i) => `${columnOf[k]} = $${i + 2}`).join(', ')} where id = $1 returning ${patientColumns}`, [request.params.id, ...entries.map(([, v]) => v)])
          : [before];
        await writeAudit(tx, actor, { action: 'patients.update', entityType: 'patient', entityId: request.params.id, before, after });
        return after;
      });
    },
  );

  app.get('/staff/patients/:id', { config: { access: permit('patient.contact.read') }, schema: { tags: ['clinical'], params: IdParams } }, async (request) => {
    const actor = staffActor(request);
    const { db } = app.ctx;
    const clinic = await loadClinic(db);
    return db.transaction(async (tx) => {
      const [patient] = await tx.query(`select ${patientColumns} from patients where id = $1`, [request.params.id]);
      if (!patient) throw new AppError('not_found', 'No such patient.');
      const appointments = await tx.query<{ id: string; reference: string; starts_at: Date; service_name: string; status: string; practitioner_name: string | null }>(
        `select a.id, a.reference, a.starts_at, s.name_en as service_name, a.status, p.name_en as practitioner_name
         from appointments a join services s on s.id = a.service_id left join practitioners p on p.id = a.practitioner_id
         where a.patient_id = $1 and a.kind = 'visit' order by a.starts_at desc`,
        [request.params.id],
      );
      // Reception runs the calendar and contacts; clinical records are for those the table lets read them.
      const clinical = can(actor.role, 'assessment.read');
      const assessments = clinical
        ? await tx.query(
            `select a.id, a.created_at as "createdAt", a.updated_at as "updatedAt", a.appointment_id as "appointmentId", u.name as "authorName", a.status
             from assessments a join staff_users u on u.id = a.author_id where a.patient_id = $1 order by a.created_at desc`,
            [request.params.id],
          )
        : [];
      await writeAudit(tx, actor, { action: 'patients.read', entityType: 'patient', entityId: request.params.id });
      return {
        patient,
        appointments: appointments.map((a) => ({ id: a.id, reference: a.reference, start: toZonedIso(a.starts_at, clinic.timeZone), serviceName: a.service_name, practitionerName: a.practitioner_name, status: a.status })),
        assessments,
        canSeeClinical: clinical,
      };
    });
  });
};
