import type { StaffPortalRequestOut } from '@myomap/contract/portal/portal.schemas';
import { can } from '@myomap/domain/access/permissions';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { api } from '../../../lib/api/api-client.ts';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import '../portal.css';

const requestsQuery = (all: boolean) =>
  queryOptions({
    queryKey: ['portal', 'staff-requests', all ? 'all' : 'open'],
    queryFn: () => api<{ requests: StaffPortalRequestOut[] }>(`/api/staff/portal-requests?status=${all ? 'all' : 'open'}`),
  });

function AnswerForm({ request }: { request: StaffPortalRequestOut }) {
  const { t } = useTranslation('portal');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<'done' | 'declined'>('done');
  const [answer, setAnswer] = useState('');
  const send = useMutation({
    mutationFn: () =>
      api<StaffPortalRequestOut>(`/api/staff/portal-requests/${encodeURIComponent(request.id)}/answer`, {
        method: 'POST',
        body: { status, answer: answer.trim() },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['portal', 'staff-requests'] }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate();
  }
  const fieldId = `answer-${request.id}`;
  return (
    <form className="pt-form" onSubmit={submit}>
      <fieldset className="pt-radios">
        <legend>{t('staff.outcome')}</legend>
        {(['done', 'declined'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name={`outcome-${request.id}`} value={value} checked={status === value} onChange={() => setStatus(value)} />{' '}
            {t(`staff.${value}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={fieldId}>{t('staff.answer')}</label>
      <textarea id={fieldId} maxLength={4000} required value={answer} onChange={(e) => setAnswer(e.target.value)} />
      {send.error ? <Alert tone="error" title={errorText(send.error)} /> : null}
      <div>
        <Button type="submit" busy={send.isPending} disabled={answer.trim() === ''}>
          {t('staff.send')}
        </Button>
      </div>
    </form>
  );
}

/** /staff/portal-requests: patients' correction and deletion requests, answered by those who hold portal.requests.manage. */
export function StaffPortalRequestsPage() {
  const { t, i18n } = useTranslation('portal');
  const user = useStaffUser();
  const language = i18n.language === 'ar' ? 'ar' : 'en';
  const timeZone = useClinicTimeZone();
  const errorText = useErrorText();
  const [all, setAll] = useState(false);
  const allowed = can(user.role, 'portal.requests.manage');
  const requests = useQuery({ ...requestsQuery(all), enabled: allowed });
  if (!allowed) {
    return (
      <PageFrame title={t('staff.title')}>
        <Alert tone="error" title={t('staff.forbidden')} />
      </PageFrame>
    );
  }
  return (
    <PageFrame title={t('staff.title')} description={t('staff.description')} width="narrow">
      <label>
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('staff.showAll')}
      </label>
      {requests.error ? <Alert tone="error" title={errorText(requests.error)} /> : null}
      {requests.data?.requests.length === 0 ? <MutedText>{t('staff.none')}</MutedText> : null}
      <ul className="pt-list">
        {(requests.data?.requests ?? []).map((r) => (
          <li key={r.id}>
            <Card as="article" className="pt-section" aria-label={`${r.patientName}: ${t(`data.${r.kind}`)}`}>
              <h2>
                {r.patientName} · {t(`data.${r.kind}`)}
              </h2>
              <p>
                <Tag tone={r.status === 'open' ? 'info' : r.status === 'done' ? 'success' : 'warning'}>{t(`data.status.${r.status}`)}</Tag>{' '}
                <MutedText as="span">{t('staff.received', { date: formatInstant(r.createdAt, timeZone, language, 'dateTimeCompact') })}</MutedText>
              </p>
              <p dir="auto">{r.details}</p>
              {r.status === 'open' ? (
                <AnswerForm request={r} />
              ) : (
                <p dir="auto">
                  {t('data.answer', { answer: r.answer ?? '' })} ·{' '}
                  {r.answeredAt ? t('staff.answered', { date: formatInstant(r.answeredAt, timeZone, language, 'dateTimeCompact') }) : ''}
                </p>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </PageFrame>
  );
}
