import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonAnchor } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { createRequest, portalRequestsQuery } from '../api/portal-api.ts';

/** Download the whole record (FHIR), and ask for a correction or deletion (tracked; the answer shows here). */
export function DataSection({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation('portal');
  const language = i18n.language === 'ar' ? 'ar' : 'en';
  const timeZone = useClinicTimeZone();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const requests = useQuery(portalRequestsQuery(patientId));
  const [kind, setKind] = useState<'correction' | 'deletion'>('correction');
  const [details, setDetails] = useState('');
  const send = useMutation({
    mutationFn: () => createRequest({ kind, details: details.trim() }),
    onSuccess: () => {
      setDetails('');
      void queryClient.invalidateQueries({ queryKey: portalRequestsQuery(patientId).queryKey });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    send.mutate();
  }
  return (
    <section id="data" className="pt-section" aria-labelledby="data-title">
      <h2 id="data-title">{t('data.title')}</h2>
      <Card as="section" aria-labelledby="download-title" className="pt-section">
        <h3 id="download-title">{t('data.downloadTitle')}</h3>
        <p>{t('data.downloadText')}</p>
        <div>
          <ButtonAnchor href="/api/portal/record" download="my-health-record.fhir.json">
            {t('data.download')}
          </ButtonAnchor>
        </div>
        <p>{t('data.summaryText')}</p>
        <div>
          <ButtonAnchor variant="secondary" href={`/api/portal/summary.pdf?lang=${language}`} download="my-record-summary.pdf">
            {t('data.summary')}
          </ButtonAnchor>
        </div>
      </Card>
      <Card as="section" aria-labelledby="request-title" className="pt-section">
        <h3 id="request-title">{t('data.requestTitle')}</h3>
        <p>{t('data.requestText')}</p>
        <form className="pt-form" onSubmit={submit}>
          <fieldset className="pt-radios">
            <legend>{t('data.kind')}</legend>
            {(['correction', 'deletion'] as const).map((value) => (
              <label key={value}>
                <input type="radio" name="request-kind" value={value} checked={kind === value} onChange={() => setKind(value)} /> {t(`data.${value}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="request-details">{t('data.details')}</label>
          <textarea id="request-details" maxLength={4000} required value={details} onChange={(e) => setDetails(e.target.value)} />
          <div aria-live="polite">
            {send.isSuccess ? <Alert tone="success" title={t('data.sentOk')} /> : null}
            {send.error ? <Alert tone="error" title={errorText(send.error)} /> : null}
          </div>
          <div>
            <Button type="submit" busy={send.isPending} disabled={details.trim() === ''}>
              {t('data.send')}
            </Button>
          </div>
        </form>
        <h4>{t('data.requests')}</h4>
        {requests.data?.requests.length === 0 ? <MutedText>{t('data.noRequests')}</MutedText> : null}
        <ul className="pt-list">
          {(requests.data?.requests ?? []).map((r) => (
            <li key={r.id}>
              <p>
                <Tag tone={r.status === 'open' ? 'info' : r.status === 'done' ? 'success' : 'warning'}>{t(`data.status.${r.status}`)}</Tag>{' '}
                {t(`data.${r.kind}`)} · {formatInstant(r.createdAt, timeZone, language, 'day')}
              </p>
              <p>{r.details}</p>
              {r.answer ? <p>{t('data.answer', { answer: r.answer })}</p> : null}
            </li>
          ))}
        </ul>
      </Card>
    </section>
  );
}
