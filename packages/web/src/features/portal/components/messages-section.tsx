import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { portalMessagesQuery } from '../api/portal-api.ts';

/** Messages from the clinic (a message that carried a personal link shows its subject only) and letters for the patient. */
export function MessagesSection({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation('portal');
  const language = i18n.language === 'ar' ? 'ar' : 'en';
  const timeZone = useClinicTimeZone();
  const errorText = useErrorText();
  const messages = useQuery(portalMessagesQuery(patientId));
  return (
    <section id="messages" className="pt-section" aria-labelledby="messages-title">
      <h2 id="messages-title">{t('messages.title')}</h2>
      {messages.error ? <Alert tone="error" title={errorText(messages.error)} /> : null}
      {messages.data?.messages.length === 0 ? <MutedText>{t('messages.none')}</MutedText> : null}
      <ul className="pt-list">
        {(messages.data?.messages ?? []).map((m) => (
          <li key={m.id}>
            <Card as="article" className="pt-section" aria-label={m.subject}>
              <h3 dir="auto">{m.subject}</h3>
              <MutedText size="sm">{t('messages.sent', { date: formatInstant(m.sentAt, timeZone, language, 'dayTime12') })}</MutedText>
              {m.body === null ? (
                <MutedText>{t('messages.linkOnly')}</MutedText>
              ) : (
                <pre className="pt-message__body" dir="auto">
                  {m.body}
                </pre>
              )}
            </Card>
          </li>
        ))}
      </ul>
      <h3>{t('messages.letters')}</h3>
      {messages.data?.letters.length === 0 ? <MutedText>{t('messages.noLetters')}</MutedText> : null}
      <ul className="pt-list">
        {(messages.data?.letters ?? []).map((l) => (
          <li key={l.id}>
            {l.title} · {formatInstant(l.createdAt, timeZone, language, 'day')}
          </li>
        ))}
      </ul>
      <h3>{t('messages.referrals')}</h3>
      {messages.data?.referrals.length === 0 ? <MutedText>{t('messages.noReferrals')}</MutedText> : null}
      <ul className="pt-list">
        {(messages.data?.referrals ?? []).map((r) => (
          <li key={r.id}>
            <Card as="article" className="pt-section pt-referral" aria-label={r.providerName}>
              <h4 dir="auto">{t('messages.referralTo', { provider: r.providerName })}</h4>
              <p>{t(`messages.referralWhy.${r.why}`)}</p>
              <p>
                {t(`messages.referralStatus.${r.status}`, { defaultValue: r.status })}
                {r.urgency === 'emergency' || r.urgency === 'same_day' ? ` · ${t(`messages.referralUrgency.${r.urgency}`)}` : ''}
              </p>
              <MutedText size="sm">
                {r.sentAt
                  ? t('messages.letterSent', { provider: r.providerName, date: formatInstant(r.sentAt, timeZone, language, 'day') })
                  : t('messages.referralSigned', { date: formatInstant(r.signedAt, timeZone, language, 'day') })}
              </MutedText>
              {r.appointmentOn ? <MutedText size="sm">{t('messages.referralAppointment', { date: r.appointmentOn })}</MutedText> : null}
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
