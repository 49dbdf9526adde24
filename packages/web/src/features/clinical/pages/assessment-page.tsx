import { can } from '@myomap/domain/access/permissions';
import { emptyAssessmentData, type AssessmentData } from '@myomap/domain/clinical/assessment-schemas';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { SaveStatus } from '../../../components/ui/save-status.tsx';
import { useUnsavedChangesGuard } from '../../../components/ui/use-unsaved-changes-guard.ts';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { clinicalApi, type AssessmentDto, type BodyZoneDto, type MuscleDto, type PhotoDto } from '../api/clinical-api.ts';
import { assessmentQuery, bodyZonesQuery, clinicalKeys, musclesQuery } from '../api/clinical-queries.ts';
import { AssessmentEditor } from '../components/assessment-editor.tsx';
import { ClinicalLookupProvider } from '../lib/clinical-lookup.tsx';
import { stableStringify } from '../lib/format.ts';

/** /staff/assessments/:id: loads the assessment and the body-zone and muscle lists, then opens the editor on a copy. */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['clinical', 'common']);
  const errorText = useErrorText();
  const assessment = useQuery(assessmentQuery(id));
  const zones = useQuery(bodyZonesQuery);
  const muscles = useQuery(musclesQuery());

  const failed = assessment.error ?? zones.error ?? muscles.error;
  if (failed) {
    return (
      <div className="clinical">
        <Alert tone="error">{failed instanceof ApiError && failed.status === 404 ? t('assessment.missing') : errorText(failed)}</Alert>
      </div>
    );
  }
  if (!assessment.data || !zones.data || !muscles.data) return <LoadingState label={t('common:loading')} />;
  // Keyed by id: another assessment starts a fresh editor with its own copy and save state.
  return <AssessmentWorkspace key={id} assessment={assessment.data} zones={zones.data} muscles={muscles.data} />;
}

/**
 * The editor owns its copy of the assessment while open; "dirty" compares it with what was last
 * saved. Saving is explicit (Save, the phone's floating Save, Ctrl/⌘+S), never automatic.
 */
function AssessmentWorkspace({ assessment, zones, muscles }: { assessment: AssessmentDto; zones: BodyZoneDto[]; muscles: MuscleDto[] }) {
  const { id } = assessment;
  const { t } = useTranslation(['clinical', 'common']);
  const errorText = useErrorText();
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const queryClient = useQueryClient();
  const [data, setData] = useState<AssessmentData>(() => ({ ...emptyAssessmentData(), ...assessment.data }));
  const [photos, setPhotos] = useState<PhotoDto[]>(assessment.photos ?? []);
  const [saved, setSaved] = useState(() => stableStringify({ ...emptyAssessmentData(), ...assessment.data }));
  const dirty = stableStringify(data) !== saved;
  const dataRef = useRef(data);
  dataRef.current = data;

  const saving = useMutation({
    mutationFn: (sending: AssessmentData) => clinicalApi.saveAssessment(id, sending),
    onSuccess: (answer, sending) => {
      setSaved(stableStringify(sending));
      queryClient.setQueryData(clinicalKeys.assessment(id), answer);
      void queryClient.invalidateQueries({ queryKey: clinicalKeys.patient(assessment.patientId) });
    },
  });
  const { mutate } = saving;
  const save = useCallback(() => mutate(dataRef.current), [mutate]);

  // Warn before leaving with unsaved changes; Ctrl/⌘+S saves.
  useUnsavedChangesGuard(dirty);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const statusText = dirty ? t('status.unsaved') : saving.isPending ? t('common:actions.saving') : saving.isSuccess ? t('status.saved') : t('status.upToDate');

  return (
    <ClinicalLookupProvider zones={zones} muscles={muscles}>
      <PageFrame
        className="clinical"
        back={<Link to={`/staff/patients/${assessment.patientId}`}>{t('assessment.backTo', { name: assessment.patientName })}</Link>}
        title={t('assessment.title', { name: assessment.patientName })}
        status={<MutedText as="span">{formatInstant(assessment.createdAt, timeZone, language, 'medium')}</MutedText>}
        actions={<ProposePlan assessmentId={id} dirty={dirty} />}
      >
        <div className="clinical__actions">
          <SaveStatus as="span" status={dirty ? 'dirty' : saving.isPending ? 'saving' : saving.isSuccess ? 'saved' : 'idle'} data-testid="save-status">
            {statusText}
          </SaveStatus>
          <Button size="sm" onClick={save} disabled={saving.isPending || !dirty}>
            {t('common:actions.save')}
          </Button>
        </div>
        {saving.isError && (
          <Alert tone="error">
            {t('status.saveFailed')} {errorText(saving.error)}
          </Alert>
        )}
        {dirty && (
          <Button className="save-fab" onClick={save} disabled={saving.isPending}>
            {t('common:actions.save')}
          </Button>
        )}
        {assessment.painMapFromIntake && (
          <Alert tone="warning" title={t('assessment.fromIntake.title')}>
            {t('assessment.fromIntake.body', { when: formatInstant(assessment.painMapFromIntake.at, timeZone, language, 'medium') })}
          </Alert>
        )}
        <AssessmentEditor
          patientId={assessment.patientId}
          assessmentId={id}
          data={data}
          onChange={setData}
          photos={photos}
          onPhotoAdded={(photo) => setPhotos((list) => [...list, photo])}
          onPhotoSaved={(photo) => setPhotos((list) => list.map((p) => (p.id === photo.id ? photo : p)))}
        />
      </PageFrame>
    </ClinicalLookupProvider>
  );
}

/**
 * Proposes a treatment plan from this assessment and opens it. The server reads the saved
 * assessment, so the button waits while there are unsaved changes.
 */
function ProposePlan({ assessmentId, dirty }: { assessmentId: string; dirty: boolean }) {
  const { t } = useTranslation('clinical');
  const errorText = useErrorText();
  const language = useLanguage();
  const user = useStaffUser();
  const navigate = useNavigate();
  const propose = useMutation({
    mutationFn: () => clinicalApi.proposePlan(assessmentId),
    onSuccess: (plan) => void navigate(`/staff/plans/${encodeURIComponent(plan.id)}`),
  });
  if (!can(user.role, 'plan.write')) return null;
  const busy = propose.isPending || propose.isSuccess;

  return (
    <div className="propose-plan">
      {dirty && (
        <p className="hint" id="propose-plan-hint">
          {t('assessment.saveFirst')}
        </p>
      )}
      <Button
        variant="secondary"
        size="sm"
        onClick={() => propose.mutate()}
        disabled={busy || dirty}
        aria-describedby={dirty ? 'propose-plan-hint' : undefined}
      >
        {busy ? t('assessment.proposing') : t('assessment.proposePlan')}
      </Button>
      {propose.isError && <Alert tone="error">{proposeError(propose.error)}</Alert>}
    </div>
  );

  function proposeError(error: Error): string {
    if (error instanceof ApiError && error.code === 'forbidden') return t('assessment.proposeNotAllowed');
    if (error instanceof ApiError && error.code === 'reasoning_suspended') {
      const reason = (error.details as { reasoning?: { reason?: { en: string; ar: string } } } | undefined)?.reasoning?.reason;
      if (reason) return `${t('finder.suspended')} ${reason[language]}`;
    }
    return `${t('assessment.proposeFailed')} ${errorText(error)}`;
  }
}
