import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { treatmentApi } from '../api/treatment-api.ts';
import { AftercareAdvice } from '../components/aftercare-advice.tsx';
import { HandoutItems } from '../components/handout-items.tsx';
import { PrintSheet } from '../components/print-sheet.tsx';
import { useKnowledge } from '../lib/knowledge.ts';
import { useLoad } from '../lib/use-load.ts';
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
  const plan = useLoad(() => treatmentApi.plan(id), id);
  const knowledge = useKnowledge();
  if (plan.state.status === 'missing') return <Alert tone="error">{t('plan.missing')}</Alert>;
  if (plan.state.status === 'error' || knowledge.state.status === 'error' || knowledge.state.status === 'missing')
    return <Alert tone="error">{t('status.loadFailed')}</Alert>;
  if (plan.state.status === 'loading' || knowledge.state.status === 'loading') return <LoadingState label={t('common:loading')} />;
  const p = plan.state.data;
  const kb = knowledge.state.data;
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
