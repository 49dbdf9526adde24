import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { treatmentApi, type StaffAlert } from '../api/treatment-api.ts';
import { alertsQuery } from '../api/treatment-queries.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { isKeyOf } from '../../../lib/i18n/keys.ts';
import { en } from '../locales/en.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { AuthoredText } from '../../../components/ui/authored-text.tsx';

// First-strong isolates: a patient's name or a typed complaint in the other script keeps its order in the sentence.
const isolate = (text: string) => `\u2068${text}\u2069`;

/** '/staff/alerts': the signed-in therapist's alerts, e.g. a check-in reporting an adverse event. */
export function AlertsPage() {
  const { t } = useTranslation(['treatment', 'common']);
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const alerts = useQuery(alertsQuery);
  const markRead = useMutation({
    mutationFn: (alert: StaffAlert) => treatmentApi.readAlert(alert.id),
    // This list, and the unread count in the staff frame's navigation (its key is 'staff', 'alerts').
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: alertsQuery.queryKey }), queryClient.invalidateQueries({ queryKey: ['staff', 'alerts'] })]),
  });

  if (alerts.error && !alerts.data) return <Alert tone="error">{errorText(alerts.error)}</Alert>;
  if (!alerts.data) return <LoadingState label={t('common:loading')} />;
  const list = alerts.data;
  // The server's message names check-in answers by code ("calf_swelling"); show the patient's words.
  const readable = (message: string) =>
    message.replace(/\b(calf_swelling|dark_urine|new_weakness|numbness_tingling|spreading_bruising|chest_pain_breathless|severe_soreness)\b/g, (code) =>
      isKeyOf(en.aftercare.signs, code) ? t(`aftercare.signs.${code}`, { lng: 'en' }).toLowerCase() : code,
    );
  const unread = list.filter((a) => !a.readAt).length;

  return (
    <PageFrame width="narrow" title={t('alerts.title')} description={unread > 0 ? t('alerts.unread', { count: unread }) : t('alerts.allRead')}>
      {markRead.error && <Alert tone="error">{errorText(markRead.error)}</Alert>}
      {list.length === 0 ? (
        <EmptyState>{t('alerts.none')}</EmptyState>
      ) : (
        <ul className="tr-alerts">
          {list.map((alert) => (
            <li key={alert.id} className={`tr-alert-item${alert.readAt ? ' is-read' : ''}`} data-alert={alert.id}>
              <div className="tr-alert-item__head">
                <Tag tone={alert.readAt ? 'neutral' : 'pain'} strong>
                  {alert.readAt ? t('alerts.read') : t('alerts.new')}
                </Tag>
                <strong>{t(`alerts.kinds.${alert.kind}`, { defaultValue: alert.kind })}</strong>
                <MutedText as="span" size="sm">
                  {formatInstant(alert.createdAt, timeZone, language, 'dateTimeLocalClock')}
                </MutedText>
              </div>
              <AlertText alert={alert} fallback={readable(alert.message)} />
              <div className="tr-button-row">
                {alert.patientId && <Link to={`/staff/patients/${alert.patientId}`}>{t('alerts.openPatient', { name: alert.patientName ?? '' })}</Link>}
                {!alert.readAt && (
                  <Button variant="secondary" busy={markRead.isPending && markRead.variables.id === alert.id} onClick={() => markRead.mutate(alert)}>
                    {t('alerts.markRead')}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </PageFrame>
  );
}

/** The alert in the reader's language from its kind and facts; an alert from before 0018 has only its English text. */
function AlertText({ alert, fallback }: { alert: StaffAlert; fallback: string }) {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  const params = alert.params;
  const name = isolate(alert.patientName ?? '');
  if (alert.kind === 'adverse_checkin' && params && 'soreness' in params) {
    const signs = params.unexpected.map((code) => (isKeyOf(en.aftercare.signs, code) ? t(`aftercare.signs.${code}`) : code));
    return (
      <>
        <p>{t('alerts.text.adverse_checkin', { name, soreness: params.soreness })}</p>
        {signs.length > 0 ? <p>{t('alerts.text.signs', { signs: new Intl.ListFormat(language, { type: 'conjunction' }).format(signs) })}</p> : null}
        {params.notes ? (
          <p>
            {t('alerts.text.patientWords')} <AuthoredText text={params.notes} />
          </p>
        ) : null}
      </>
    );
  }
  if (alert.kind === 'outcome_reassess' && params && 'weeks' in params) {
    return (
      <p>
        {t('alerts.text.outcome_reassess', {
          name,
          complaint: isolate(params.complaint),
          instrument: params.instrumentId.toUpperCase(),
          weeks: params.weeks,
          baseline: params.baseline,
          latest: params.latest,
        })}
      </p>
    );
  }
  return <p>{fallback}</p>;
}
