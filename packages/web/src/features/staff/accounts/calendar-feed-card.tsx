import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button, ButtonAnchor } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { calendarFeedQuery, staffKeys } from '../api/staff-queries.ts';
import { accountsApi } from './accounts-api.ts';

/**
 * A practitioner's visits in their phone's calendar: subscribe (webcal://), copy the https
 * address for apps that ask for one, or make a new link when the old one was shared or a phone
 * lost (the server stops the old one at once and audits it).
 */
export function CalendarFeedCard() {
  const { t } = useTranslation('staff', { keyPrefix: 'accounts.calendarFeed' });
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const feed = useQuery(calendarFeedQuery);
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const rotate = useMutation({
    mutationFn: accountsApi.rotateCalendarFeed,
    onSuccess: (link) => {
      queryClient.setQueryData(staffKeys.calendarFeed, link);
      setConfirming(false);
      setCopied(false);
    },
  });

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      document.getElementById('calendar-feed-url')?.focus();
    }
  }

  const link = feed.data;
  return (
    <div className="st-card st-account-card" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">{t('title')}</h2>
      {feed.isError ? (
        <Alert tone="error">{errorText(feed.error)}</Alert>
      ) : !link ? (
        <LoadingState label="…" />
      ) : (
        <div className="st-feed">
          <p className="st-muted">{t('intro')}</p>
          <div className="st-form-actions">
            <ButtonAnchor href={link.webcalUrl} variant="primary">
              {t('subscribe')}
            </ButtonAnchor>
          </div>
          <label className="st-feed-url">
            <span>{t('address')}</span>
            <input id="calendar-feed-url" readOnly value={link.url} dir="ltr" onFocus={(e) => e.currentTarget.select()} />
          </label>
          <div className="st-form-actions">
            <Button variant="secondary" onClick={() => void copy(link.url)}>
              {copied ? t('copied') : t('copy')}
            </Button>
          </div>
          {rotate.isSuccess ? <Alert tone="success">{t('rotated')}</Alert> : null}
          {rotate.isError ? <Alert tone="error">{errorText(rotate.error)}</Alert> : null}
          {confirming ? (
            <div className="st-feed-confirm" role="group" aria-label={t('rotate')}>
              <p>{t('rotateWarning')}</p>
              <div className="st-form-actions">
                <Button variant="danger" busy={rotate.isPending} onClick={() => rotate.mutate()}>
                  {t('rotateConfirm')}
                </Button>
                <Button variant="secondary" disabled={rotate.isPending} onClick={() => setConfirming(false)}>
                  {t('keep')}
                </Button>
              </div>
            </div>
          ) : (
            <div className="st-form-actions">
              <Button variant="secondary" onClick={() => setConfirming(true)}>
                {t('rotate')}
              </Button>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
