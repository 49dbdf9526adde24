import '../referrals.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { DefinitionList } from '../../../components/ui/definition-list.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { ApiError } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { formatDay, formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { useLanguage } from '../../../lib/i18n/language.ts';
import type { ReferralStatus } from '../api/referrals-api.ts';
import { referralQuery } from '../api/referrals-queries.ts';
import { InboundActions } from '../components/inbound-actions.tsx';
import { AttachReport, OutboundActions } from '../components/referral-actions.tsx';
import { can } from '@myomap/domain/access/permissions';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { StatusTag, UrgencyTag } from '../components/referral-tags.tsx';

/** /staff/referrals/:id — one referral: what was asked, its status timeline, the result, and the next steps. */
export function ReferralDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['referrals', 'common']);
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const errorText = useErrorText();
  const referral = useQuery(referralQuery(id));
  const user = useStaffUser();
  const r = referral.data;

  useEffect(() => {
    document.title = r?.patientName ? `${t('detail.eyebrow')} · ${r.patientName}` : t('detail.eyebrow');
  }, [t, r?.patientName]);

  if (referral.error) {
    return (
      <Alert tone="error">{referral.error instanceof ApiError && referral.error.code === 'not_found' ? t('detail.notFound') : errorText(referral.error)}</Alert>
    );
  }
  if (!r) return <LoadingState label={t('common:loading')} />;
  const day = (value: string | null) => (value ? formatDay(value, language) : '—');
  const items = [
    r.direction === 'out'
      ? { term: t('detail.to'), value: r.providerName ?? '—' }
      : { term: t('detail.from'), value: r.referrer ? `${r.referrer.name}${r.referrer.organisation ? ` · ${r.referrer.organisation}` : ''}` : '—' },
    ...referredContact(r.referredPatient).map(([key, value]) => ({ term: t(`refer.${key}`), value: <bdi>{value}</bdi> })),
    { term: t('worklist.urgency'), value: <UrgencyTag urgency={r.urgency} /> },
    { term: t('detail.due'), value: day(r.dueOn) },
    ...(r.reason !== null ? [{ term: t('detail.reason'), value: r.reason }] : []),
    ...(r.question ? [{ term: t('detail.question'), value: r.question }] : []),
    ...(r.testsSuggested.length ? [{ term: t('detail.tests'), value: r.testsSuggested.map((s) => s.label).join(' · ') }] : []),
    ...(r.screeningFindings.length
      ? [
          {
            term: t('detail.screeningFindings'),
            value: (
              <ul className="rf-findings">
                {r.screeningFindings.map((finding) => (
                  <li key={finding.en}>{finding[language]}</li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
    ...(r.signedByName && r.signedAt ? [{ term: t('detail.signedBy'), value: `${r.signedByName} · ${formatInstant(r.signedAt, timeZone, language)}` }] : []),
    ...(r.letterDocumentId
      ? [
          {
            term: t('detail.letter'),
            value: (
              <a href={`/api/staff/documents/${encodeURIComponent(r.letterDocumentId)}`} target="_blank" rel="noreferrer">
                {t('detail.letter')}
              </a>
            ),
          },
        ]
      : []),
    ...(r.sentVia ? [{ term: t('detail.sentVia'), value: t(`detail.via.${r.sentVia as 'email' | 'print'}`) }] : []),
    ...(r.appointmentOn ? [{ term: t('detail.appointmentOn'), value: day(r.appointmentOn) }] : []),
  ];

  return (
    <PageFrame
      eyebrow={t('detail.eyebrow')}
      title={r.patientName ?? '—'}
      back={<Link to={`/staff/referrals${r.direction === 'in' ? '?direction=in' : ''}`}>{t('detail.back')}</Link>}
      status={<StatusTag status={r.status} />}
    >
      <div className="rf-stack">
        {r.redFlag && r.status !== 'closed' && r.status !== 'cancelled' ? <Alert tone="warning">{t('detail.redFlag')}</Alert> : null}
        <Card as="section">
          <DefinitionList items={items} />
        </Card>
        {r.result ? (
          <Card as="section" aria-labelledby="rf-result">
            <h2 id="rf-result">{t('detail.result')}</h2>
            <p>{r.result.summary}</p>
            {r.result.findings.length ? <DefinitionList items={r.result.findings.map((f) => ({ term: f.label, value: f.value || '—' }))} /> : null}
            {r.result.documentId ? (
              <p>
                <a href={`/api/staff/documents/${encodeURIComponent(r.result.documentId)}`} target="_blank" rel="noreferrer" data-testid="result-report">
                  {t('detail.reportDownload')}
                </a>
              </p>
            ) : !r.result.reviewedAt && can(user.role, 'referral.result.record') ? (
              <AttachReport referralId={r.id} />
            ) : null}
            {r.result.reviewDecision ? (
              <p>
                <strong>{t('detail.review')}:</strong> {t(`detail.reviewDecision.${r.result.reviewDecision}`)}
                {r.result.reviewNotes ? ` · ${r.result.reviewNotes}` : ''}
              </p>
            ) : null}
          </Card>
        ) : null}
        {r.documents.length ? (
          <Card as="section" aria-labelledby="rf-documents">
            <h2 id="rf-documents">{t('detail.documents')}</h2>
            <ul className="rf-documents">
              {r.documents.map((d) => (
                <li key={d.id} data-document-kind={d.kind}>
                  <a href={`/api/staff/documents/${encodeURIComponent(d.id)}`} target="_blank" rel="noreferrer">
                    {t(`detail.documentKind.${d.kind}`)}
                  </a>{' '}
                  · {formatInstant(d.createdAt, timeZone, language)}
                  {d.language ? ` · ${t(`detail.documentLanguage.${d.language}`)}` : ''}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        {r.nextSteps.length ? (
          <Card as="section" aria-labelledby="rf-actions">
            <h2 id="rf-actions">{t('detail.actions')}</h2>
            {r.direction === 'out' ? <OutboundActions referral={r} /> : <InboundActions referral={r} />}
          </Card>
        ) : null}
        <Card as="section" aria-labelledby="rf-timeline">
          <h2 id="rf-timeline">{t('detail.timeline')}</h2>
          <ol className="rf-timeline">
            {r.history.map((h, index) => (
              <li key={index}>
                <StatusTag status={h.to as ReferralStatus} /> {formatInstant(h.at, timeZone, language)}
                {h.byName ? (
                  <>
                    {' '}
                    · <bdi>{h.byName}</bdi>
                  </>
                ) : null}
                {h.note ? <div className="rf-muted">{h.note}</div> : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </PageFrame>
  );
}

/** The patient as the referrer described them (inbound): what reception needs to reach them. */
function referredContact(value: unknown): ['patientPhone' | 'patientEmail' | 'patientDob', string][] {
  if (!value || typeof value !== 'object') return [];
  const p = value as { phone?: string; email?: string; dateOfBirth?: string };
  const rows: ['patientPhone' | 'patientEmail' | 'patientDob', string | undefined][] = [
    ['patientPhone', p.phone],
    ['patientEmail', p.email],
    ['patientDob', p.dateOfBirth],
  ];
  return rows.filter((row): row is ['patientPhone' | 'patientEmail' | 'patientDob', string] => typeof row[1] === 'string' && row[1] !== '');
}
