import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import { describe, expect, it } from 'vitest';
import { toCarePlan } from './map-clinical.ts';
import { fhirErrors } from './validate-fhir.ts';

/**
 * A treatment plan row as stored may predate a field of today's plan (or come from an import):
 * Patient/$everything must still answer with a valid CarePlan rather than fail the whole export.
 */
describe('CarePlan from a stored plan', () => {
  const stored = { id: 'p1', patient_id: 'pt1', status: 'active' as const, createdAt: new Date('2026-11-20T09:00:00Z'), approvedAt: null };

  it('maps a plan that has only a home program, with no notes and no end date it does not have', () => {
    const plan = toCarePlan({ ...stored, data: { homeProgram: [{ selfCareId: 'upper_trapezius_self_stretch', dose: 'Hold 20 s' }] } }, knowledgeBase);
    expect(fhirErrors(plan)).toEqual([]);
    expect(plan.note).toBeUndefined();
    expect(plan.period).toEqual({ start: '2026-11-20T09:00:00.000Z' });
  });

  it('keeps the frequency, goals and precautions of a full plan as notes', () => {
    const plan = toCarePlan(
      {
        ...stored,
        data: {
          frequency: { sessionsPerWeek: 1, weeks: 4, totalSessions: 4 },
          goals: [],
          precautions: ['Anticoagulants: light pressure only'],
          reassessmentDate: '2026-12-18',
        },
      },
      knowledgeBase,
    );
    expect(fhirErrors(plan)).toEqual([]);
    expect(plan.note?.map((n) => n.text)).toEqual(['4 sessions, 1 a week for 4 weeks.', 'Precaution: Anticoagulants: light pressure only']);
    expect(plan.period?.end).toBe('2026-12-18');
  });
});
