import '../outcomes.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonAnchor } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { addDays, clinicToday } from '../../../lib/clinic-time/clinic-time.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { useLanguage } from '../../../lib/i18n/language.ts';
import { reportSearch, type OutcomeReportOut } from '../api/outcomes-api.ts';
import { instrumentsQuery, practitionersQuery, protocolsQuery, reportQuery } from '../api/outcomes-queries.ts';
import { BreakdownTable } from '../components/breakdown-table.tsx';
import { AuthoredText } from '../../../components/ui/authored-text.tsx';
import { formatNumber, formatPercent } from '../lib/format-figures.ts';
import { reportSentences, type Sentence } from '../lib/report-sentences.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** /staff/reports/outcomes — the clinic's honest success rate, for owners and administrators (outcomes.report). */
export function OutcomeReportPage() {
  const { t } = useTranslation(['outcomes', 'common']);
  const timeZone = useClinicTimeZone();
  const [search, setSearch] = useSearchParams();
  const today = clinicToday(timeZone);
  // The last twelve months unless the address names a period (so a report can be shared as a link).
  const period = {
    from: DATE.test(search.get('from') ?? '') ? (search.get('from') as string) : addDays(today, -364),
    to: DATE.test(search.get('to') ?? '') ? (search.get('to') as string) : today,
  };
  const [draft, setDraft] = useState(period);
  const report = useQuery(reportQuery(period));
  const errorText = useErrorText();

  useEffect(() => {
    document.title = t('report.title');
  }, [t]);

  function apply(event: FormEvent) {
    event.preventDefault();
    setSearch({ from: draft.from, to: draft.to });
  }

  return (
    <section className="oc-page">
      <PageHeader
        eyebrow={t('report.eyebrow')}
        title={t('report.title')}
        subtitle={t('report.intro')}
        actions={
          <ButtonAnchor variant="secondary" href={`/api/staff/reports/outcomes.csv?${reportSearch(period)}`} download>
            {t('report.csv')}
          </ButtonAnchor>
        }
      />
      <form className="oc-period" onSubmit={apply}>
        <TextField
          type="date"
          label={t('report.from')}
          value={draft.from}
          max={draft.to}
          onChange={(event) => setDraft({ ...draft, from: event.target.value })}
          required
        />
        <TextField
          type="date"
          label={t('report.to')}
          value={draft.to}
          min={draft.from}
          onChange={(event) => setDraft({ ...draft, to: event.target.value })}
          required
        />
        <Button type="submit">{t('report.apply')}</Button>
        {report.isFetching && !report.isPending ? <span className="oc-muted">{t('report.updating')}</span> : null}
      </form>
      {report.isPending ? <LoadingState label={t('common:loading')} /> : null}
      {report.isError ? <Alert tone="error">{errorText(report.error)}</Alert> : null}
      {report.data ? <ReportFigures report={report.data} /> : null}
    </section>
  );
}

function SentenceText({ sentence }: { sentence: Sentence | null }) {
  const { t } = useTranslation('outcomes');
  if (!sentence) return null;
  // One case per sentence, so each key is checked against the figures it names.
  const text = (() => {
    switch (sentence.key) {
      case 'successRate':
        return t('report.sentences.successRate', sentence.values);
      case 'interval':
        return t('report.sentences.interval', sentence.values);
      case 'groups':
        return t('report.sentences.groups', sentence.values);
      case 'timeToChange':
        return t('report.sentences.timeToChange', sentence.values);
      case 'successRateNone':
      case 'median':
      case 'breakdown':
        return t(`report.sentences.${sentence.key}`);
    }
  })();
  return (
    <p className="oc-sentence" data-sentence={sentence.key}>
      {text}
    </p>
  );
}

function ReportFigures({ report }: { report: OutcomeReportOut }) {
  const { t } = useTranslation('outcomes');
  const language = useLanguage();
  const instruments = useQuery(instrumentsQuery);
  const protocols = useQuery(protocolsQuery);
  const practitioners = useQuery(practitionersQuery);
  const sentences = reportSentences(report, language);
  const n = (value: number) => formatNumber(value, language);
  const { successRate } = report;
  const instrumentName = (id: string) => instruments.data?.find((instrument) => instrument.id === id)?.name[language] ?? id;
  const groups = ['responder', 'non_responder', 'no_follow_up', 'dropped_out', 'in_care'] as const;

  return (
    <div className="oc-report" data-started={report.started}>
      <div className="oc-figures">
        <Card as="section" className="oc-figure oc-figure--main" aria-labelledby="oc-success">
          <h2 id="oc-success" className="oc-figure__label">
            {t('report.successRate')}
          </h2>
          <p className="oc-figure__value" data-figure="success-rate">
            {successRate.rate !== null ? formatPercent(successRate.rate, language) : t('report.noRate')}
          </p>
          <p className="oc-figure__detail">
            {n(successRate.numerator)} / {n(successRate.denominator)}
            {successRate.ci95
              ? ` · ${t('report.interval', { low: formatPercent(successRate.ci95.low, language), high: formatPercent(successRate.ci95.high, language) })}`
              : null}
          </p>
          <SentenceText sentence={sentences.success} />
          <SentenceText sentence={sentences.interval} />
        </Card>
        <Card as="section" className="oc-figure" aria-labelledby="oc-groups">
          <h2 id="oc-groups" className="oc-figure__label">
            {t('report.groups')}
          </h2>
          <dl className="oc-groups">
            {groups.map((group) => (
              <div key={group} className={`oc-groups__row oc-groups__row--${group}`}>
                <dt>{t(`report.group.${group}`)}</dt>
                <dd data-group={group}>{n(report.groups[group])}</dd>
              </div>
            ))}
          </dl>
          <SentenceText sentence={sentences.groups} />
        </Card>
        <Card as="section" className="oc-figure" aria-labelledby="oc-median">
          <h2 id="oc-median" className="oc-figure__label">
            {t('report.median')}
          </h2>
          {report.medianImprovement.length === 0 ? (
            <p className="oc-muted">{t('report.noMedian')}</p>
          ) : (
            <ul className="oc-list">
              {report.medianImprovement.map((row) => (
                <li key={row.instrumentId}>{t('report.medianRow', { name: instrumentName(row.instrumentId), median: n(row.median), n: n(row.n) })}</li>
              ))}
            </ul>
          )}
          <SentenceText sentence={sentences.median} />
        </Card>
        <Card as="section" className="oc-figure" aria-labelledby="oc-time">
          <h2 id="oc-time" className="oc-figure__label">
            {t('report.timeToChange')}
          </h2>
          {report.daysToMeaningfulChange.median !== null ? (
            <p className="oc-figure__value oc-figure__value--small">
              {t('report.days', { days: n(report.daysToMeaningfulChange.median), n: n(report.daysToMeaningfulChange.n) })}
            </p>
          ) : (
            <p className="oc-muted">{t('report.noTime')}</p>
          )}
          <SentenceText sentence={sentences.timeToChange} />
        </Card>
      </div>
      <h2 className="oc-heading">{t('report.breakdowns')}</h2>
      <SentenceText sentence={sentences.breakdown} />
      {report.started === 0 ? (
        <p className="oc-muted">{t('report.empty')}</p>
      ) : (
        <div className="oc-breakdowns">
          <BreakdownTable
            caption={t('report.by.region')}
            rows={report.breakdowns.region}
            label={(key) => protocols.data?.find((protocol) => protocol.id === key)?.name[language] ?? key}
          />
          <BreakdownTable caption={t('report.by.complaint')} rows={report.breakdowns.complaint} label={(key) => <AuthoredText text={key} />} />
          <BreakdownTable
            caption={t('report.by.practitioner')}
            rows={report.breakdowns.practitioner}
            label={(key) => (key === '' ? t('report.noPractitioner') : (practitioners.data?.find((p) => p.id === key)?.names[language] ?? key))}
          />
          <BreakdownTable caption={t('report.by.visits')} rows={report.breakdowns.visits} label={(key) => t('report.visitsKey', { key })} />
        </div>
      )}
    </div>
  );
}
