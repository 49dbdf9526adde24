import { can } from '@myomap/domain/access/permissions';
import { emptyAssessmentData, type AssessmentData } from '@myomap/domain/clinical/assessment-schemas';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../../components/ui/button.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { SaveStatus } from '../../../components/ui/save-status.tsx';
import { useUnsavedChangesGuard } from '../../../components/ui/use-unsaved-changes-guard.ts';
import { ApiError } from '../../../lib/api/api-client.ts';
import { clinicalApi, type AssessmentDto, type BodyZoneDto, type MuscleDto, type PhotoDto } from '../api/clinical-api.ts';
import { AssessmentEditor } from '../components/assessment-editor.tsx';
import { ClinicalLookupProvider } from '../lib/clinical-lookup.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { stableStringify } from '../lib/format.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

export function AssessmentPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['clinical', 'common']);
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const [loaded, setLoaded] = useState<{ assessment: AssessmentDto; zones: BodyZoneDto[]; muscles: MuscleDto[] } | undefined>();
  const [loadState, setLoadState] = useState<'loading' | 'ready' | 'missing' | 'error'>('loading');
  const [data, setData] = useState<AssessmentData>(emptyAssessmentData);
  const [photos, setPhotos] = useState<PhotoDto[]>([]);
  const [saved, setSaved] = useState('');
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [saveError, setSaveError] = useState('');
  const dirty = loadState === 'ready' && stableStringify(data) !== saved;
  const dataRef = useRef(data);
  dataRef.current = data;

  useEffect(() => {
    let live = true;
    Promise.all([clinicalApi.assessment(id), clinicalApi.bodyZones(), clinicalApi.muscles()])
      .then(([assessment, zones, muscles]) => {
        if (!live) return;
        const normalized = { ...emptyAssessmentData(), ...assessment.data };
        setLoaded({ assessment, zones, muscles });
        setData(normalized);
        setPhotos(assessment.photos ?? []);
        setSaved(stableStringify(normalized));
        setLoadState('ready');
      })
      .catch((error: unknown) => live && setLoadState(error instanceof ApiError && error.status === 404 ? 'missing' : 'error'));
    return () => {
      live = false;
    };
  }, [id]);

  const save = useCallback(async () => {
    const sending = dataRef.current;
    setSaveState('saving');
    setSaveError('');
    try {
      await clinicalApi.saveAssessment(id, sending);
      setSaved(stableStringify(sending));
      setSaveState('saved');
    } catch (error) {
      setSaveState('error');
      setSaveError(error instanceof ApiError ? error.message : '');
    }
  }, [id]);

  // Warn before leaving with unsaved changes; Ctrl/⌘+S saves.
  useUnsavedChangesGuard(dirty);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const statusText = dirty
    ? t('status.unsaved')
    : saveState === 'saving'
      ? t('common:actions.saving')
      : saveState === 'saved'
        ? t('status.saved')
        : t('status.upToDate');

  const actions =
    loadState === 'ready' ? (
      <>
        <SaveStatus as="span" status={dirty ? 'dirty' : saveState === 'saving' || saveState === 'saved' ? saveState : 'idle'} data-testid="save-status">
          {statusText}
        </SaveStatus>
        <Button size="sm" onClick={() => void save()} disabled={saveState === 'saving' || !dirty}>
          {t('common:actions.save')}
        </Button>
      </>
    ) : undefined;

  return (
    <div className="clinical">
      {actions ? <div className="clinical__actions">{actions}</div> : null}
      {loadState === 'loading' && <MutedText>{t('common:loading')}</MutedText>}
      {loadState === 'missing' && <p className="error">{t('assessment.missing')}</p>}
      {loadState === 'error' && <p className="error">{t('status.loadFailed')}</p>}
      {loadState === 'ready' && loaded && (
        <ClinicalLookupProvider zones={loaded.zones} muscles={loaded.muscles}>
          <p>
            <Link to={`/staff/patients/${loaded.assessment.patientId}`}>{t('assessment.backTo', { name: loaded.assessment.patientName })}</Link>
          </p>
          <div className="page-head">
            <h1>{t('assessment.title', { name: loaded.assessment.patientName })}</h1>
            <MutedText as="span">{formatInstant(loaded.assessment.createdAt, timeZone, language, 'medium')}</MutedText>
            <ProposePlan assessmentId={id} dirty={dirty} />
          </div>
          {saveState === 'error' && (
            <p className="error" role="alert">
              {t('status.saveFailed')} {saveError}
            </p>
          )}
          {dirty && (
            <Button className="save-fab" onClick={() => void save()} disabled={saveState === 'saving'}>
              {t('common:actions.save')}
            </Button>
          )}
          <AssessmentEditor
            patientId={loaded.assessment.patientId}
            assessmentId={id}
            data={data}
            onChange={setData}
            photos={photos}
            onPhotoAdded={(photo) => setPhotos((list) => [...list, photo])}
            onPhotoSaved={(photo) => setPhotos((list) => list.map((p) => (p.id === photo.id ? photo : p)))}
          />
        </ClinicalLookupProvider>
      )}
    </div>
  );
}

/**
 * Proposes a treatment plan from this assessment and opens it. The server reads the saved
 * assessment, so the button waits while there are unsaved changes.
 */
function ProposePlan({ assessmentId, dirty }: { assessmentId: string; dirty: boolean }) {
  const { t } = useTranslation('clinical');
  const language = useLanguage();
  const user = useStaffUser();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  if (!can(user.role, 'plan.write')) return null;

  const propose = async () => {
    setBusy(true);
    setError('');
    try {
      const plan = await clinicalApi.proposePlan(assessmentId);
      void navigate(`/staff/plans/${encodeURIComponent(plan.id)}`);
    } catch (caught) {
      const suspended =
        caught instanceof ApiError && caught.code === 'reasoning_suspended'
          ? (caught.details as { reasoning?: { reason?: { en: string; ar: string } } } | undefined)?.reasoning?.reason
          : undefined;
      setError(
        caught instanceof ApiError && caught.status === 403
          ? t('assessment.proposeNotAllowed')
          : suspended
            ? `${t('finder.suspended')} ${language === 'ar' ? suspended.ar : suspended.en}`
            : `${t('assessment.proposeFailed')} ${caught instanceof ApiError ? caught.message : ''}`.trim(),
      );
      setBusy(false);
    }
  };

  return (
    <div className="propose-plan">
      {dirty && (
        <p className="hint" id="propose-plan-hint">
          {t('assessment.saveFirst')}
        </p>
      )}
      <Button variant="secondary" size="sm" onClick={() => void propose()} disabled={busy || dirty} aria-describedby={dirty ? 'propose-plan-hint' : undefined}>
        {busy ? t('assessment.proposing') : t('assessment.proposePlan')}
      </Button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
