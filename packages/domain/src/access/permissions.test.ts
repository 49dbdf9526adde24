import { describe, expect, it } from 'vitest';
import { ACTIONS, can, PATIENT_ROLE, PERMISSIONS, STAFF_ROLES, type Action } from './permissions.ts';

describe('can', () => {
  it('lets reception see contact and booking facts but no clinical answers', () => {
    for (const action of ['patient.contact.read', 'calendar.read', 'calendar.write', 'intake.fill', 'mailbox.read'] as const)
      expect(can('reception', action), action).toBe(true);
    const clinical: Action[] = [
      'intake.clinical.read',
      'assessment.read',
      'safety.read',
      'plan.read',
      'note.read',
      'alerts.read',
      'review.queue.read',
      'audit.read',
    ];
    for (const action of clinical) expect(can('reception', action), action).toBe(false);
  });

  it('agrees on alerts and safety: whoever reads intake answers also reads the safety page and alerts', () => {
    for (const role of STAFF_ROLES) {
      expect(can(role, 'safety.read'), role).toBe(can(role, 'intake.clinical.read'));
      expect(can(role, 'alerts.read'), role).toBe(can(role, 'intake.clinical.read'));
    }
  });

  it('keeps writing clinical records to clinicians, co-signing plans to physicians and the audit log to admin', () => {
    expect(STAFF_ROLES.filter((r) => can(r, 'note.sign'))).toEqual(['therapist', 'physician']);
    expect(STAFF_ROLES.filter((r) => can(r, 'plan.cosign'))).toEqual(['physician']);
    expect(STAFF_ROLES.filter((r) => can(r, 'audit.read'))).toEqual(['admin']);
    expect(STAFF_ROLES.filter((r) => can(r, 'catalog.manage'))).toEqual(['admin']);
  });

  it('lets every signed-in role sign out and read the calendar', () => {
    for (const role of STAFF_ROLES) {
      expect(can(role, 'session.end')).toBe(true);
      expect(can(role, 'calendar.read')).toBe(true);
    }
  });

  it('refuses unknown or missing roles everything', () => {
    for (const action of ACTIONS) {
      expect(can(undefined, action)).toBe(false);
      expect(can('ADMIN', action)).toBe(false);
      expect(can('Patient', action)).toBe(false);
    }
  });

  it('gives a portal patient the portal actions only, and no staff role any patient-only portal action', () => {
    const patientOnly = ['portal.read', 'portal.visits.change', 'portal.requests.create', 'portal.family.record'] as const;
    expect(ACTIONS.filter((a) => can(PATIENT_ROLE, a))).toEqual(patientOnly);
    for (const role of STAFF_ROLES) for (const action of patientOnly) expect(can(role, action)).toBe(false);
  });

  it('names only known roles in the table', () => {
    for (const roles of Object.values(PERMISSIONS)) for (const role of roles) expect([...STAFF_ROLES, PATIENT_ROLE]).toContain(role);
  });
});
