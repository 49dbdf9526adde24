import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { useQuery } from '@tanstack/react-query';
import { knowledgeQuery, planQuery } from '../api/treatment-queries.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { isNotFound } from '../lib/use-treatment-error-text.ts';
import { AftercareAdvice } from '../components/aftercare-advice.tsx';
import { HandoutItems } from '../components/handout-items.tsx';
import { PrintSheet } from '../components/print-sheet.tsx';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { dateInZone, formatDay, formatInstant } from '../../../lib/clinic-time/clinic-time.ts';

/** '/staff/plans/:id/handout': the printable home program with aftercare advice, EN/AR. */
export function HandoutPage() {
  return (
    <div className="tr-bare">
      <Handout />
    </div>
  );
}

function Handout() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['treatment', 'common']);
  const language = useLanguage();
  const errorText = useErrorText();
  const plan = useQuery(planQuery(id));
  const knowledge = useQuery(knowledgeQuery);
  if (!plan.data || !knowledge.data) {
    if (isNotFound(plan.error)) return <Alert tone="error">{t('plan.missing')}</Alert>;
    const failed = plan.error ?? knowledge.error;
    if (failed) return <Alert tone="error">{errorText(failed)}</Alert>;
    return <LoadingState label={t('common:loading')} />;
  }
  const p = plan.data;
  const kb = knowledge.data;
  const zone = kb.clinic.timeZone;
  const today = dateInZone(new Date(), zone);
  const next = p.appointments.filter((a) => a.status === 'confirmed' && dateInZone(a.start, zone) >= today);

  return (
    <PrintSheet
      clinic={kb.clinic}
      title={t('handout.title')}
      meta={[
        [t('print.patient'), p.patientName],
        [t('handout.given'), formatDay(today, language, 'short')],
        ...(next[0] ? ([[t('handout.nextVisit'), formatInstant(next[0].start, zone, language, 'dateTimeLocalClock')]] as [string, string][]) : []),
      ]}
      tools={<Link to={`/staff/plans/${p.id}`}>{t('print.backToPlan')}</Link>}
      footer={<p className="tr-small">{t('handout.footer')}</p>}
    >
      <p className="tr-handout__intro">{t('handout.intro')}</p>
      {p.data.homeProgram.length > 0 ? <HandoutItems items={p.data.homeProgram} kb={kb} /> : <p>{t('plan.noHomeProgram')}</p>}
      <section className="tr-note-section tr-keep">
        <h2>{t('advice.title')}</h2>
        <AftercareAdvice phone={kb.clinic.phone} />
      </section>
    </PrintSheet>
  );
}
