import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import type { CalendarEvent } from '../api/staff-api.ts';
import { fixPath, patientMarks } from './patient-state.ts';

/**
 * The patient's state in words, each with a link to where it is put right. A referral is an
 * alert above everything else in the panel: the visit must not go ahead as treatment.
 */
export function PatientStateDetails({ event, canIntake }: { event: CalendarEvent; canIntake: boolean }) {
  const { t } = useTranslation('staff');
  const marks = patientMarks(event.kind === 'visit' ? event.patientState : null);
  if (marks.length === 0) return null;
  const ids = { appointmentId: event.id, patientId: event.patientId };
  const refer = marks.find((m) => m.id === 'refer');
  const referPath = refer ? fixPath(refer, ids) : null;
  const rest = marks.filter((m) => m.id !== 'refer');
  return (
    <>
      {refer ? (
        <Alert tone="error" title={t('patientState.refer.tag')} actions={referPath ? <Link to={referPath}>{t('patientState.refer.fix')}</Link> : undefined}>
          {t('patientState.refer.long')}
        </Alert>
      ) : null}
      {rest.length > 0 ? (
        <section className="st-state" aria-label={t('patientState.label')}>
          <h3 className="st-state-title">{t('patientState.label')}</h3>
          <ul className="st-state-list">
            {rest.map((mark) => {
              const path = mark.fix === 'intake' && !canIntake ? null : fixPath(mark, ids);
              return (
                <li key={mark.id} className={`st-state-item is-${mark.tone}`}>
                  <span className={`st-mark st-mark-${mark.tone}`}>{t(`patientState.${mark.id}.tag`)}</span>
                  <span>{t(`patientState.${mark.id}.long`)}</span>
                  {path ? <Link to={path}>{t(`patientState.${mark.id}.fix`)}</Link> : null}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
    </>
  );
}
