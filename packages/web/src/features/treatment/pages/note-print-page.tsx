import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import type { NoteView as NoteDto, PlanView } from '../api/treatment-api.ts';
import { knowledgeQuery, noteQuery, patientPlansQuery, planQuery } from '../api/treatment-queries.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { isNotFound } from '../lib/use-treatment-error-text.ts';
import { AftercareAdvice } from '../components/aftercare-advice.tsx';
import { HandoutItems } from '../components/handout-items.tsx';
import { NoteView } from '../components/note-view.tsx';
import { PrintSheet } from '../components/print-sheet.tsx';
import { namesFor, type Knowledge } from '../lib/knowledge.ts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { dateInZone, formatInstant } from '../../../lib/clinic-time/clinic-time.ts';

/** '/staff/notes/:id/print': the clinical note, or with ?kind=summary the patient's visit summary. */
export function NotePrintPage() {
  return (
    <div className="tr-bare">
      <NotePrintLoader />
    </div>
  );
}

function NotePrintLoader() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['treatment', 'common']);
  const errorText = useErrorText();
  const note = useQuery(noteQuery(id));
  const knowledge = useQuery(knowledgeQuery);
  if (note.data && knowledge.data) return <NotePrint note={note.data} kb={knowledge.data} />;
  if (isNotFound(note.error)) return <Alert tone="error">{t('note.missing')}</Alert>;
  const failed = note.error ?? knowledge.error;
  if (failed) return <Alert tone="error">{errorText(failed)}</Alert>;
  return <LoadingState label={t('common:loading')} />;
}

function NotePrint({ note, kb }: { note: NoteDto; kb: Knowledge }) {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const summary = params.get('kind') === 'summary';
  const zone = kb.clinic.timeZone;
  // The summary's next visits and home program come from the patient's approved plan (else their latest).
  const plans = useQuery({ ...patientPlansQuery(note.patientId), enabled: summary });
  const chosen = plans.data?.find((p) => p.status === 'approved') ?? plans.data?.[0];
  const plan = useQuery({ ...planQuery(chosen?.id ?? ''), enabled: summary && chosen !== undefined }).data;

  const switchKind = (next: 'note' | 'summary') =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'summary') updated.set('kind', 'summary');
        else updated.delete('kind');
        return updated;
      },
      { replace: true },
    );

  const tools = (
    <>
      <Link to={`/staff/notes/${note.id}`}>{t('print.backToNote')}</Link>
      <div className="tr-segmented" role="group" aria-label={t('print.documentKind')}>
        <button type="button" aria-pressed={!summary} onClick={() => switchKind('note')}>
          {t('print.note')}
        </button>
        <button type="button" aria-pressed={summary} onClick={() => switchKind('summary')}>
          {t('print.summary')}
        </button>
      </div>
    </>
  );
  const visit = formatInstant(note.appointment.start, zone, language, 'dateTimeLocalClock');
  const meta: [string, string][] = [
    [t('print.patient'), note.patientName],
    [t('print.visit'), visit],
    [t('print.service'), note.appointment.service[language]],
    [t('print.therapist'), note.authorName],
  ];

  if (summary) return <VisitSummary note={note} kb={kb} plan={plan} meta={meta} tools={tools} />;

  return (
    <PrintSheet
      clinic={kb.clinic}
      title={t('print.noteTitle')}
      meta={meta}
      tools={tools}
      footer={
        note.status === 'signed' ? (
          <div className="tr-signature">
            <p>
              {t('print.signedBy', {
                name: note.signedBy ?? note.authorName,
                when: note.signedAt ? formatInstant(note.signedAt, zone, language, 'dateTimeLocalClock') : '',
              })}
            </p>
            <div className="tr-signature__line" />
            <p className="tr-small">{t('print.signatureCaption')}</p>
          </div>
        ) : (
          <p className="tr-draft-mark">{t('print.draftMark')}</p>
        )
      }
    >
      {note.status !== 'signed' && (
        // Decoration (the draft mark above says it in words), so generated content: a faint watermark is
        // incidental text under WCAG 1.4.3, and neither contrast checks nor screen readers should meet it.
        <p className="tr-watermark" aria-hidden="true" data-watermark={t('print.draftWatermark')} />
      )}
      <NoteView data={note.data} kb={kb} />
      {note.addenda.length > 0 && (
        <section className="tr-note-section">
          <h2>{t('note.addenda')}</h2>
          <ol className="tr-addenda">
            {note.addenda.map((a) => (
              <li key={a.id} className="tr-addendum">
                <p className="tr-prewrap" dir="auto">
                  {a.text}
                </p>
                <p className="tr-small">{t('note.addendumBy', { name: a.authorName, when: formatInstant(a.at, zone, language, 'dateTimeLocalClock') })}</p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </PrintSheet>
  );
}

/** A plain-language summary for the patient: what was treated, how it went, what comes next. */
function VisitSummary({
  note,
  kb,
  plan,
  meta,
  tools,
}: {
  note: NoteDto;
  kb: Knowledge;
  plan: PlanView | undefined;
  meta: [string, string][];
  tools: ReactNode;
}) {
  const { t } = useTranslation('treatment');
  const language = useLanguage();
  const names = namesFor(kb, language, { left: t('side.left'), right: t('side.right') });
  const zone = kb.clinic.timeZone;
  const done = note.data.techniques.filter((a) => a.done !== false);
  const treated = [...new Map(done.map((a) => [`${a.muscleId}:${a.side ?? ''}`, names.muscle(a.muscleId, a.side)])).values()];
  const techniques = [...new Set(done.map((a) => names.technique(a.techniqueId)))];
  const visitDay = dateInZone(note.appointment.start, zone);
  const next = (plan?.appointments ?? []).filter((a) => a.status === 'confirmed' && dateInZone(a.start, zone) > visitDay);

  return (
    <PrintSheet clinic={kb.clinic} title={t('print.summaryTitle')} meta={meta.filter((_, i) => i !== 2)} tools={tools}>
      <section className="tr-note-section">
        <h2>{t('summary.treated')}</h2>
        <p>{treated.length > 0 ? treated.join(language === 'ar' ? '، ' : ', ') : '—'}</p>
        {techniques.length > 0 && <p className="tr-small">{t('summary.techniques', { list: techniques.join(language === 'ar' ? '، ' : ', ') })}</p>}
      </section>
      <section className="tr-note-section">
        <h2>{t('summary.howItWent')}</h2>
        {note.data.subjective.pain !== null && note.data.subjective.pain !== undefined && <p>{t('summary.painToday', { pain: note.data.subjective.pain })}</p>}
        {note.data.response.trim() && (
          <p className="tr-prewrap" dir="auto">
            {note.data.response}
          </p>
        )}
      </section>
      {note.data.plan.trim() && (
        <section className="tr-note-section">
          <h2>{t('summary.nextSteps')}</h2>
          <p className="tr-prewrap" dir="auto">
            {note.data.plan}
          </p>
        </section>
      )}
      {next.length > 0 && (
        <section className="tr-note-section">
          <h2>{t('summary.nextVisits')}</h2>
          <ul>
            {next.map((a) => (
              <li key={a.id}>{formatInstant(a.start, zone, language, 'dateTimeLocalClock')}</li>
            ))}
          </ul>
        </section>
      )}
      {plan && plan.data.homeProgram.length > 0 && (
        <section className="tr-note-section">
          <h2>{t('handout.title')}</h2>
          <HandoutItems items={plan.data.homeProgram} kb={kb} compact />
        </section>
      )}
      <section className="tr-note-section">
        <h2>{t('advice.title')}</h2>
        <AftercareAdvice phone={kb.clinic.phone} compact />
      </section>
    </PrintSheet>
  );
}
