import type { PortalProgressOut } from '@myomap/contract/portal/portal.schemas';
import { classifyChange, meaningfulThreshold } from '@myomap/domain/outcomes/classify-change';
import { knowledgeBase } from '@myomap/domain/knowledge/knowledge-base';
import { INSTRUMENTS } from '@myomap/domain/outcomes/load-instruments';
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../app-context.ts';
import { AppError } from '../lib/app-error.ts';
import { writeAudit, type Actor } from '../lib/audit.ts';
import { issueMessageMeasureLink } from '../outcomes/create-measure-request.ts';
import { scheduleEpisodeMeasures } from '../outcomes/schedule-episode-measures.ts';
import { currentConsentVersion } from '../safety/intake-service.ts';
import { findLatestConsent } from '../stores/consent-store.ts';
import { findLatestOpenEpisode } from '../stores/measure-request-store.ts';
import { loadOutcomeSettings } from '../stores/outcome-settings-store.ts';
import { findApprovedHomeProgram, findNextVisitIntake, listPatientCheckIns, listPatientScores } from '../stores/portal-store.ts';

/**
 * The patient's own progress: scores over time per instrument with the change from first to
 * latest judged by the instrument's MCID (and MDC: domain/outcomes/classify-change.ts, the same
 * rule the clinic's report uses), the measures due now, aftercare check-ins and the intake and
 * consent status. Nothing here is a diagnosis: the words shown are the web app's.
 */
export async function readPortalProgress(ctx: AppContext, patientId: string, actor: Actor): Promise<PortalProgressOut> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const scores = await listPatientScores(tx, patientId);
    const measures: PortalProgressOut['measures'] = [];
    for (const instrument of INSTRUMENTS) {
      const own = scores.filter((s) => s.instrumentId === instrument.id);
      const first = own[0];
      const last = own.at(-1);
      if (!first || !last) continue;
      const direction = own.length < 2 ? 'one_score' : classifyChange(instrument, first.score, last.score).direction;
      measures.push({
        instrumentId: instrument.id,
        name: instrument.name,
        mcid: meaningfulThreshold(instrument),
        higherIsBetter: instrument.higherIsBetter,
        maxScore: instrument.range.max,
        scores: own.map((s) => ({ takenOn: s.takenOn, score: s.score })),
        change: direction === 'worsened' ? 'worse' : direction === 'improved' || direction === 'one_score' ? direction : 'no_clear_change',
      });
    }
    const episode = await findLatestOpenEpisode(tx, patientId);
    const measuresDue = episode
      ? (await scheduleEpisodeMeasures(tx, episode, await loadOutcomeSettings(tx), 'current')).due.filter((d) => d.patientCanAnswer).map((d) => d.instrumentId)
      : [];
    const checkIns = (await listPatientCheckIns(tx, patientId, now)).map((c) => ({
      opensAt: new Date(c.opensAt).toISOString(),
      answeredAt: c.answeredAt ? new Date(c.answeredAt).toISOString() : null,
      soreness: c.soreness,
      relief: c.relief,
    }));
    const intake = await findNextVisitIntake(tx, patientId, now);
    const consent = await findLatestConsent(tx, patientId);
    const home = await findApprovedHomeProgram(tx, patientId);
    await writeAudit(tx, actor, {
      action: 'portal.progress.read',
      entityType: 'patient',
      entityId: patientId,
      after: { measures: measures.map((m) => m.instrumentId), checkIns: checkIns.length },
    });
    return {
      measures,
      measuresDue,
      checkIns,
      intake: {
        status: intake === undefined ? 'none' : intake.submitted ? 'submitted' : 'open',
        consentSignedAt: consent ? new Date(consent.signedAt).toISOString() : null,
        consentVersion: consent?.version ?? null,
        appointmentId: intake?.appointmentId ?? null,
        consentCurrent: consent?.version === currentConsentVersion,
      },
      homeProgram: home ? { approvedAt: new Date(home.approvedAt).toISOString(), items: home.items.flatMap(describeSelfCare) } : null,
    };
  });
}

/** A home-program item as the patient reads it: the knowledge base's words, the plan's dose. An id the knowledge base no longer has is left out. */
function describeSelfCare(item: { selfCareId: string; dose: string }) {
  const entry = knowledgeBase.selfCare.find((s) => s.id === item.selfCareId);
  if (!entry) return [];
  return [{ id: entry.id, title: entry.title, instructions: entry.instructions, dose: item.dose, defaultDose: entry.defaultDose, cautions: entry.cautions }];
}

/** A fresh link to the measures due now (the same link a reminder carries), valid for a day. */
export async function createPortalMeasuresLink(ctx: AppContext, patientId: string, actor: Actor): Promise<{ url: string }> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const url = await issueMessageMeasureLink(tx, ctx, {
      patientId,
      purpose: 'checkin',
      purposeKey: `portal:${randomUUID()}`,
      visit: 'current',
      expiresAt: new Date(now.getTime() + 24 * 3_600_000),
    });
    if (!url) throw new AppError('no_measures_due', 'No measures are due now.');
    await writeAudit(tx, actor, { action: 'portal.measures.link', entityType: 'patient', entityId: patientId });
    return { url };
  });
}
