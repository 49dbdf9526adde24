import type { PatientRecordOut, RecordReferralOut, RecordScreeningOut } from '@myomap/contract/clinical/patients.schemas';
import type { Sql } from '../database/database.ts';
import { loadSafety } from '../safety/intake-service.ts';
import { listRecordScreenings } from '../stores/patient-record-store.ts';

/**
 * The record's screening summary and referrals, from the same facts and gate as the safety page,
 * so the record's "referred" alert and the treatment gate cannot disagree. Referral letters are a
 * later issue; a referral here is a screen that referred or a physician's 'refer' decision.
 */
export async function loadRecordSafety(tx: Sql, patientId: string): Promise<Pick<PatientRecordOut, 'screening' | 'referrals'>> {
  const safety = await loadSafety(tx, patientId);
  const standing = safety.reviews.find((r) => r.id === safety.standingReviewId);
  const referred =
    safety.gate.blocks.includes('referred_by_physician') ||
    (safety.screening?.outcome === 'refer_before_treatment' && safety.gate.blocks.includes('physician_clearance_required'));
  const screening: RecordScreeningOut | null = safety.screening
    ? {
        outcome: safety.screening.outcome,
        at: safety.screening.at,
        review: standing ? { decision: standing.decision, physicianName: standing.physicianName, at: standing.at } : null,
        referred,
      }
    : null;
  const fromScreens: RecordReferralOut[] = (await listRecordScreenings(tx, patientId))
    .filter((s) => s.outcome === 'refer_before_treatment')
    .map((s) => ({
      id: s.id,
      source: 'screening',
      at: s.createdAt.toISOString(),
      physicianName: null,
      urgency: s.result.physicianReferral?.urgency ?? null,
      reason: s.result.physicianReferral?.reason ?? null,
    }));
  const fromReviews: RecordReferralOut[] = safety.reviews
    .filter((r) => r.decision === 'refer')
    .map((r) => ({
      id: r.id,
      source: 'physician',
      at: r.at,
      physicianName: r.physicianName,
      urgency: referralUrgency(r.referral),
      reason: null,
    }));
  return { screening, referrals: [...fromScreens, ...fromReviews].sort((a, b) => b.at.localeCompare(a.at)) };
}

function referralUrgency(referral: unknown): string | null {
  if (referral && typeof referral === 'object' && 'urgency' in referral && typeof referral.urgency === 'string') return referral.urgency;
  return null;
}
