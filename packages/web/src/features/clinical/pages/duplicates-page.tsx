import { can } from '@myomap/domain/access/permissions';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Alert } from '../../../components/ui/alert.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { clinicalKeys, duplicatesQuery } from '../api/clinical-queries.ts';
import { strengthTone } from '../lib/match-strength.ts';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { identityApi, type DuplicateEntry } from '../api/identity-api.ts';
import '../identity.css';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';

/** /staff/patients/duplicates: self-registered records from online booking, each with the patients it may be. */
export function DuplicatesPage() {
  const { t } = useTranslation('clinical', { keyPrefix: 'identity' });
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const user = useStaffUser();
  const canMerge = can(user.role, 'patient.merge');
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const common = useTranslation('common');
  const duplicates = useQuery(duplicatesQuery);
  const entries = duplicates.data;
  const verify = useMutation({
    mutationFn: (entry: DuplicateEntry) => identityApi.verify(entry.patient.id),
    onSuccess: (_patient, entry) => {
      void queryClient.invalidateQueries({ queryKey: clinicalKeys.duplicates() });
      void queryClient.invalidateQueries({ queryKey: clinicalKeys.patient(entry.patient.id) });
    },
  });
  const notice = verify.isSuccess ? t('duplicates.verified', { name: verify.variables.patient.name }) : undefined;

  useEffect(() => {
    document.title = t('duplicates.title');
  }, [t]);

  return (
    <PageFrame className="clinical identity" title={t('duplicates.title')} description={t('duplicates.subtitle')}>
      {notice && (
        <p className="identity__notice" role="status">
          {notice}
        </p>
      )}
      {duplicates.isPending && <LoadingState label={common.t('loading')} />}
      {duplicates.isError && <Alert tone="error">{errorText(duplicates.error)}</Alert>}
      {verify.isError && <Alert tone="error">{errorText(verify.error)}</Alert>}
      {entries?.length === 0 && <EmptyState>{t('duplicates.empty')}</EmptyState>}
      {entries?.map((entry) => (
        <article key={entry.patient.id} className="card identity__entry" data-patient-id={entry.patient.id}>
          <div className="card__header">
            <h2>{entry.patient.name}</h2>
            <MutedText as="span" size="sm">
              {t('duplicates.booked', { time: formatInstant(entry.patient.createdAt, timeZone, language, 'medium') })}
            </MutedText>
          </div>
          <p className="identity__contact">
            <span dir="ltr">{entry.patient.email}</span>
            {entry.patient.phone ? <span dir="ltr">{entry.patient.phone}</span> : null}
          </p>
          <h3>{t('duplicates.matches')}</h3>
          {entry.matches.length === 0 ? <MutedText size="sm">{t('duplicates.noMatches')}</MutedText> : null}
          <ul className="identity__matches">
            {entry.matches.map((match) => (
              <li key={match.patientId} data-match-id={match.patientId} className={`identity__match identity__match--${match.strength}`}>
                <div>
                  <strong>{match.patient.name}</strong>
                  <MutedText as="span" size="sm" className="identity__contact">
                    <span dir="ltr">{match.patient.email}</span>
                    {match.patient.phone ? <span dir="ltr">{match.patient.phone}</span> : null}
                  </MutedText>
                  <span className="identity__reasons">
                    <Tag tone={strengthTone[match.strength]} className={`identity__strength identity__strength--${match.strength}`}>
                      {t(`strength.${match.strength}`)}
                    </Tag>
                    {match.reasons.map((reason) => (
                      <Tag key={reason}>{t(`reasons.${reason}`)}</Tag>
                    ))}
                  </span>
                </div>
                <ButtonLink size="sm" to={`/staff/patients/${match.patientId}/merge?duplicateId=${entry.patient.id}`}>
                  {t('duplicates.compare')}
                </ButtonLink>
              </li>
            ))}
          </ul>
          {canMerge && (
            <div className="button-row">
              <Button variant="secondary" size="sm" onClick={() => verify.mutate(entry)} disabled={verify.isPending}>
                {t('duplicates.verify')}
              </Button>
            </div>
          )}
        </article>
      ))}
    </PageFrame>
  );
}
