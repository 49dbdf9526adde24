import { can } from '@myomap/domain/access/permissions';
import { useEffect, useState } from 'react';
import { identityApi, type DuplicateEntry } from '../api/identity-api.ts';
import '../identity.css';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { Button, ButtonLink } from '../../../components/ui/button.tsx';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';

export function DuplicatesPage() {
  return (
    <div className="clinical">
      <DuplicateList />
    </div>
  );
}

/** /staff/patients/duplicates: self-registered records from online booking, each with the patients it may be. */
function DuplicateList() {
  const { t } = useTranslation('clinical', { keyPrefix: 'identity' });
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const user = useStaffUser();
  const canMerge = can(user.role, 'patient.merge');
  const [entries, setEntries] = useState<DuplicateEntry[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    identityApi.duplicates().then(
      (found) => live && (setEntries(found), setFailed(false)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(() => {
    document.title = t('duplicates.title');
  }, [t]);

  async function verify(entry: DuplicateEntry) {
    try {
      await identityApi.verify(entry.patient.id);
      setNotice(t('duplicates.verified', { name: entry.patient.name }));
      setAttempt((n) => n + 1);
    } catch {
      setFailed(true);
    }
  }

  return (
    <section className="identity">
      <div className="page-head">
        <div>
          <h1>{t('duplicates.title')}</h1>
          <p className="muted identity__lead">{t('duplicates.subtitle')}</p>
        </div>
      </div>
      {notice && (
        <p className="identity__notice" role="status">
          {notice}
        </p>
      )}
      {failed && <p className="error">{t('merge.loadFailed')}</p>}
      {entries?.length === 0 && <p className="card muted">{t('duplicates.empty')}</p>}
      {entries?.map((entry) => (
        <article key={entry.patient.id} className="card identity__entry" data-patient-id={entry.patient.id}>
          <div className="card__header">
            <h2>{entry.patient.name}</h2>
            <span className="muted small">{t('duplicates.booked', { time: formatInstant(entry.patient.createdAt, timeZone, language, 'medium') })}</span>
          </div>
          <p className="identity__contact">
            <span dir="ltr">{entry.patient.email}</span>
            {entry.patient.phone ? <span dir="ltr">{entry.patient.phone}</span> : null}
          </p>
          <h3>{t('duplicates.matches')}</h3>
          {entry.matches.length === 0 ? <p className="muted small">{t('duplicates.noMatches')}</p> : null}
          <ul className="identity__matches">
            {entry.matches.map((match) => (
              <li key={match.patientId} data-match-id={match.patientId} className={`identity__match identity__match--${match.strength}`}>
                <div>
                  <strong>{match.patient.name}</strong>
                  <span className="muted small identity__contact">
                    <span dir="ltr">{match.patient.email}</span>
                    {match.patient.phone ? <span dir="ltr">{match.patient.phone}</span> : null}
                  </span>
                  <span className="identity__reasons">
                    <span className={`tag identity__strength identity__strength--${match.strength}`}>{t(`strength.${match.strength}`)}</span>
                    {match.reasons.map((reason) => (
                      <span key={reason} className="tag">
                        {t(`reasons.${reason}`)}
                      </span>
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
              <Button variant="secondary" size="sm" onClick={() => void verify(entry)}>
                {t('duplicates.verify')}
              </Button>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
