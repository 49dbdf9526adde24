import type { TestApp } from './test-app.ts';

export interface BookedOnline {
  appointmentId: string;
  patientId: string;
  reference: string;
  manageToken: string;
}

/**
 * Books a visit as a patient does on the public site (POST /api/bookings) and returns the visit,
 * the patient record it made or matched, and the patient's manage link parts. Fails loudly when the
 * booking is refused, so a test never goes on with an empty id.
 */
export async function bookOnline(
  test: Pick<TestApp, 'app' | 'ctx'>,
  patient: { email: string; name?: string; phone?: string },
  start: string,
  visit: { serviceId?: string; practitionerId?: string } = {},
): Promise<BookedOnline> {
  const res = await test.app.inject({
    method: 'POST',
    url: '/api/bookings',
    payload: {
      serviceId: visit.serviceId ?? 'svc-nmt-follow-60',
      practitionerId: visit.practitionerId ?? 'prac-amira',
      start,
      patient: { name: patient.name ?? patient.email.split('@')[0] ?? 'Patient', email: patient.email, ...(patient.phone ? { phone: patient.phone } : {}) },
    },
  });
  if (res.statusCode !== 201) throw new Error(`booking refused (${res.statusCode}): ${res.body}`);
  const booked = res.json<{ id: string; reference: string; manageToken: string }>();
  const [row] = await test.ctx.db.query<{ patient_id: string }>('select patient_id from appointments where id = $1', [booked.id]);
  if (!row) throw new Error(`booking ${booked.id} has no appointment row`);
  return { appointmentId: booked.id, patientId: row.patient_id, reference: booked.reference, manageToken: booked.manageToken };
}
