import { canStartNoteFor } from '@myomap/domain/access/decide-draft-access';
import { can as mayTake } from '@myomap/domain/access/permissions';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { PlanData } from '@myomap/domain/treatment/treatment-schemas';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { SaveStatus } from '../../../components/ui/save-status.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useUnsavedChangesGuard } from '../../../components/ui/use-unsaved-changes-guard.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { treatmentApi, type PlanView, type PrecautionConflict, type PrecautionOverride } from '../api/treatment-api.ts';
import { PlanTargetsEditor } from '../components/plan-targets-editor.tsx';
import { FrequencyEditor, GoalsEditor, HomeProgramEditor, PrecautionsEditor, ProblemsEditor, ProtocolsEditor } from '../components/plan-sections.tsx';
import { conflictsOf, OverrideDialog, OverridesList, PrecautionActions, SuggestedChecks } from '../components/precaution-panels.tsx';
import { SeriesBooking } from '../components/series-booking.tsx';
import type { Knowledge } from '../lib/knowledge.ts';
import { knowledgeQuery, planQuery } from '../api/treatment-queries.ts';
import { isNotFound, useTreatmentErrorText } from '../lib/use-treatment-error-text.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { treatmentAbilities } from '../lib/treatment-abilities.ts';
import { DraftCoSign } from '../components/draft-co-sign.tsx';
import { ReferralResultBanner } from '../components/referral-result-banner.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';

export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['treatment', 'common']);
  const errorText = useErrorText();
  const plan = useQuery(planQuery(id));
  const knowledge = useQuery(knowledgeQuery);
  // A failed refresh keeps the plan on screen (and the clinician's edits with it).
  if (plan.data && knowledge.data) return <PlanEditor plan={plan.data} kb={knowledge.data} />;
  if (isNotFound(plan.error)) return <Alert tone="error">{t('plan.missing')}</Alert>;
  const failed = plan.error ?? knowledge.error;
  if (failed) return <Alert tone="error">{errorText(failed)}</Alert>;
  return <LoadingState label={t('common:loading')} />;
}

function Section({ id, title, hint, children, wide = false }: { id: string; title: string; hint?: string; children: ReactNode; wide?: boolean }) {
  return (
    <section className={`tr-card${wide ? ' tr-card--wide' : ''}`} aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint && (
        <MutedText size="sm" className="tr-card__hint">
          {hint}
        </MutedText>
      )}
      {children}
    </section>
  );
}

/** One plan action (save, approve, co-sign, start a session) and what to do with its answer. */
interface PlanAction {
  label: 'save' | 'approve' | 'cosign' | 'session' | 'override';
  run: () => Promise<PlanView | void>;
  success?: string | undefined;
  /** Run again with the clinician's reasons when the server refuses it for precautions. */
  retry?: ((overrides: PrecautionOverride[]) => Promise<PlanView | void>) | undefined;
}

function PlanEditor({ plan, kb }: { plan: PlanView; kb: Knowledge }) {
  const { t } = useTranslation(['treatment', 'common']);
  const language = useLanguage();
  const user = useStaffUser();
  const can = treatmentAbilities(user.role);
  const canRefer = mayTake(user.role, 'referral.draft');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromReferral = params.get('fromReferral');
  const ids = useId();
  const [draft, setDraft] = useState<PlanData>(plan.data);
  const [dirty, setDirty] = useState(false);
  const queryClient = useQueryClient();
  const treatmentErrorText = useTreatmentErrorText();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();
  // Author-only drafts: another clinician edits or approves only with an explicit co-sign (audited by the server).
  const mine = plan.authorId === user.id;
  const [coSign, setCoSign] = useState(false);
  // A save the server refused for precautions: the rows that need a reason, and what to retry.
  const [conflicts, setConflicts] = useState<
    { list: PrecautionConflict[]; retry: (overrides: PrecautionOverride[]) => Promise<PlanView | void>; success?: string } | undefined
  >();
  const editable = plan.status === 'draft' && can.writePlan && (mine || coSign);
  const zone = kb.clinic.timeZone;
  // A session and its note start from the visit's start, not ahead of it (the server's rule too).
  const now = new Date();

  useEffect(() => {
    setDraft(plan.data);
    setDirty(false);
  }, [plan]);

  const change = (patch: Partial<PlanData>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setDirty(true);
    setMessage(undefined);
  };

  const action = useMutation({
    mutationFn: (planAction: PlanAction) => planAction.run(),
    onMutate: () => setMessage(undefined),
    onSuccess: (result, { success }) => {
      // The server answers with the plan as stored: show exactly that.
      if (result) queryClient.setQueryData(planQuery(plan.id).queryKey, result);
      setConflicts(undefined);
      if (success) setMessage({ tone: 'success', text: success });
    },
    onError: (error, { retry, success }) => {
      const list = conflictsOf(error);
      if (list && retry) setConflicts({ list, retry, ...(success ? { success } : {}) });
      else setMessage({ tone: 'error', text: treatmentErrorText(error) });
    },
  });
  const busy = action.isPending ? action.variables.label : undefined;
  const run = (label: PlanAction['label'], run: PlanAction['run'], success?: string, retry?: PlanAction['retry']) =>
    action.mutate({ label, run, success, retry });

  // Each action takes the overrides: none at first, the clinician's reasons on a precaution retry.
  const saveWith = (overrides: PrecautionOverride[]) => treatmentApi.savePlan(plan.id, draft, overrides, coSign);
  const approveWith = async (overrides: PrecautionOverride[]) => {
    if (dirty || overrides.length > 0) await saveWith(overrides);
    return treatmentApi.approvePlan(plan.id, coSign);
  };
  const save = () => run('save', () => saveWith([]), t('plan.saved'), saveWith);
  const approve = () => run('approve', () => approveWith([]), undefined, approveWith);
  const cosign = () => run('cosign', () => treatmentApi.cosignPlan(plan.id));
  const startSession = (appointmentId: string) =>
    run('session', async () => {
      const session = await treatmentApi.startSession(appointmentId);
      const note = await treatmentApi.openNote(session.id);
      void navigate(`/staff/notes/${note.id}`);
    });
  // A booked series adds visits to the plan: read it again.
  const refetchPlan = () => void queryClient.invalidateQueries({ queryKey: planQuery(plan.id).queryKey });

  useUnsavedChangesGuard(dirty && editable);

  const statusText = {
    draft: t('plan.status.draft'),
    awaiting_cosign: t('plan.status.awaiting_cosign'),
    approved: t('plan.status.approved'),
  }[plan.status];

  return (
    <PageFrame
      back={<Link to={`/staff/patients/${plan.patientId}`}>{t('plan.back', { name: plan.patientName })}</Link>}
      eyebrow={t('plan.eyebrow')}
      title={plan.patientName}
      status={
        <>
          <Tag tone={plan.status === 'approved' ? 'success' : plan.status === 'draft' ? 'neutral' : 'warning'} strong data-testid="plan-status">
            {statusText}
          </Tag>
          {plan.approvedBy && plan.approvedAt && (
            <MutedText as="span">
              {t('plan.approvedBy', { name: plan.approvedBy, when: formatInstant(plan.approvedAt, zone, language, 'dateTimeLocalClock') })}
            </MutedText>
          )}
          {plan.cosignedBy && plan.cosignedAt && (
            <MutedText as="span">
              {t('plan.cosignedBy', { name: plan.cosignedBy, when: formatInstant(plan.cosignedAt, zone, language, 'dateTimeLocalClock') })}
            </MutedText>
          )}
        </>
      }
      actions={
        <>
          <ButtonLink variant="secondary" to={`/staff/plans/${plan.id}/handout`}>
            {t('plan.handout')}
          </ButtonLink>
          {/* A therapist's referral from the plan waits for a physician's signature (referral.sign). */}
          {canRefer && (
            <ButtonLink
              variant="secondary"
              to={`/staff/referrals/new?${new URLSearchParams({ patientId: plan.patientId, source: 'plan', planId: plan.id }).toString()}`}
            >
              {t('plan.refer')}
            </ButtonLink>
          )}
          {editable && (
            <Button variant="secondary" busy={busy === 'save'} disabled={!dirty} onClick={save}>
              {t('common:actions.save')}
            </Button>
          )}
          {editable && (
            <Button busy={busy === 'approve'} onClick={approve}>
              {t('plan.approve')}
            </Button>
          )}
          {plan.status === 'awaiting_cosign' && can.cosign && (
            <Button busy={busy === 'cosign'} onClick={cosign}>
              {t('plan.cosign')}
            </Button>
          )}
        </>
      }
    >
      {fromReferral && <ReferralResultBanner referralId={fromReferral} />}
      {dirty && <SaveStatus status="dirty">{t('status.unsaved')}</SaveStatus>}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {plan.status === 'draft' && can.writePlan && !mine && <DraftCoSign authorName={plan.authorName} checked={coSign} onChange={setCoSign} />}
      {plan.requiresCosign && plan.status !== 'approved' && (
        <Alert tone="warning" title={t('plan.cosignNeeded')}>
          {t('plan.cosignWhy')}
        </Alert>
      )}
      {plan.status === 'awaiting_cosign' && !can.cosign && <Alert tone="info">{t('plan.waitingCosign')}</Alert>}

      {plan.appointments.length > 0 ? (
        <section className="tr-card" aria-labelledby={`${ids}-visits`}>
          <h2 id={`${ids}-visits`}>{t('series.booked')}</h2>
          <ol className="tr-visits">
            {plan.appointments.map((appointment, index) => (
              <li key={appointment.id} className="tr-visit tr-visit--booked" data-status="booked">
                <div className="tr-visit__head">
                  <span className="tr-visit__n">{t('series.visitN', { n: index + 1 })}</span>
                  <span className="tr-visit__when">{formatInstant(appointment.start, zone, language, 'dateTimeLocalClock')}</span>
                  <MutedText as="span" size="sm" dir="ltr">
                    {appointment.reference}
                  </MutedText>
                  <Tag tone="success" strong>
                    {t(`appointmentStatus.${appointment.status}`, { defaultValue: appointment.status })}
                  </Tag>
                  {can.writeNote && appointment.status === 'confirmed' && canStartNoteFor(new Date(appointment.start), now) && (
                    <Button variant="ghost" busy={busy === 'session'} onClick={() => startSession(appointment.id)}>
                      {t('series.startSession')}
                    </Button>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : plan.status === 'approved' && can.bookSeries ? (
        <SeriesBooking plan={plan} user={user} timeZone={zone} onBooked={refetchPlan} />
      ) : null}
      <div className="tr-plan-grid">
        <Section id={`${ids}-precautions`} title={t('plan.precautions')} hint={t('plan.precautionsHint')} wide>
          <PrecautionsEditor value={draft.precautions} editable={editable} onChange={(precautions) => change({ precautions })} />
        </Section>
        <Section id={`${ids}-safety`} title={t('safety.title')} hint={t('safety.hint')} wide>
          <PrecautionActions actions={draft.precautionActions ?? []} positions={draft.positionsToAvoid} kb={kb} />
        </Section>
        {plan.overrides.length > 0 && (
          <Section id={`${ids}-overrides`} title={t('safety.overrides')} hint={t('safety.overridesHint')} wide>
            <OverridesList overrides={plan.overrides} kb={kb} timeZone={zone} />
          </Section>
        )}
        <Section id={`${ids}-problems`} title={t('plan.problems')}>
          <ProblemsEditor value={draft.problems} editable={editable} onChange={(problems) => change({ problems })} />
        </Section>
        <Section id={`${ids}-protocols`} title={t('plan.protocols')} hint={t('plan.protocolsHint')}>
          <ProtocolsEditor value={draft.protocolIds} editable={editable} kb={kb} onChange={(protocolIds) => change({ protocolIds })} />
        </Section>
        <Section id={`${ids}-targets`} title={t('plan.targets')} hint={t('plan.targetsHint')} wide>
          <PlanTargetsEditor targets={draft.targets} kb={kb} editable={editable} onChange={(targets) => change({ targets })} />
        </Section>
        <Section id={`${ids}-checks`} title={t('safety.checks')} hint={t('safety.checksHint')} wide>
          <SuggestedChecks checks={draft.suggestedChecks} kb={kb} />
        </Section>
        <Section id={`${ids}-frequency`} title={t('plan.schedule')}>
          <FrequencyEditor frequency={draft.frequency} reassessmentDate={draft.reassessmentDate} editable={editable} onChange={change} />
        </Section>
        <Section id={`${ids}-goals`} title={t('plan.goals')}>
          <GoalsEditor value={draft.goals} editable={editable} onChange={(goals) => change({ goals })} />
        </Section>
        <Section id={`${ids}-home`} title={t('plan.homeProgram')} wide>
          <HomeProgramEditor value={draft.homeProgram} editable={editable} kb={kb} onChange={(homeProgram) => change({ homeProgram })} />
        </Section>
        <Section id={`${ids}-notes`} title={t('plan.notes')} wide>
          {editable ? (
            <textarea
              className="tr-input tr-textarea"
              dir="auto"
              aria-label={t('plan.notes')}
              value={draft.notes ?? ''}
              maxLength={4000}
              onChange={(event) => change({ notes: event.target.value })}
            />
          ) : (
            <p className="tr-prewrap" dir="auto">
              {draft.notes || '—'}
            </p>
          )}
        </Section>
      </div>
      {plan.status !== 'approved' && <MutedText>{t('series.approveFirst')}</MutedText>}
      <OverrideDialog
        key={conflicts ? conflicts.list.map((c) => c.ruleId).join() : 'none'}
        conflicts={conflicts?.list}
        kb={kb}
        busy={busy === 'override'}
        onClose={() => setConflicts(undefined)}
        onConfirm={(overrides) => {
          const pending = conflicts;
          if (pending) run('override', () => pending.retry(overrides), pending.success ?? t('plan.saved'));
        }}
      />
    </PageFrame>
  );
}
