import { can } from '@myomap/domain/access/permissions';
import type { MeasureRequestOut } from '@myomap/contract/outcomes/measure-requests.schemas';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { api } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import type { EpisodeProgressOut, InstrumentOut } from '../api/outcomes-api.ts';

/**
 * What the episode's schedule asks for now (domain/outcomes/plan-measure-schedule.ts), and the clinic
 * tablet: a one-time link the patient answers on the tablet handed to them in the waiting room.
 */
export function DueMeasures({ progress, instruments }: { progress: EpisodeProgressOut; instruments: readonly InstrumentOut[] }) {
  const { t } = useTranslation('outcomes');
  const language = useLanguage();
  const errorText = useErrorText();
  const user = useStaffUser();
  const { schedule } = progress;
  const name = (id: string) => instruments.find((instrument) => instrument.id === id)?.name[language] ?? id;
  const patientCanAnswer = schedule.due.some((item) => item.patientCanAnswer);
  const tablet = useMutation({
    mutationFn: () =>
      api<MeasureRequestOut>(`/api/staff/episodes/${encodeURIComponent(progress.episode.id)}/measure-requests`, { method: 'POST', body: { language } }),
    // The tablet shows the patient's page in this tab (no staff navigation there), as the intake's tablet mode does.
    onSuccess: (request) => window.location.assign(request.url),
  });
  if (schedule.due.length === 0) return <p className="oc-muted">{t('due.none')}</p>;
  return (
    <div className="oc-measure">
      <p>
        {t('due.intro', { visit: schedule.atVisit })} {schedule.due.map((item) => name(item.instrumentId)).join(language === 'ar' ? '، ' : ', ')}
      </p>
      {schedule.skipped.length > 0 ? (
        <p className="oc-muted">{t('due.notLicensed', { names: schedule.skipped.map((item) => name(item.instrumentId)).join(', ') })}</p>
      ) : null}
      {patientCanAnswer && can(user.role, 'outcomes.request') ? (
        <div className="oc-actions">
          <Button variant="secondary" busy={tablet.isPending} onClick={() => tablet.mutate()}>
            {t('due.tablet')}
          </Button>
        </div>
      ) : null}
      {tablet.isError ? <Alert tone="error">{errorText(tablet.error)}</Alert> : null}
    </div>
  );
}
