import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { mailboxQuery } from '../api/staff-queries.ts';
import { isOneOf } from '../../../lib/i18n/keys.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { Table } from '../../../components/ui/table.tsx';
import { Tag, type TagTone } from '../../../components/ui/tag.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';

// Mail delivery states by tone: sent is done, pending and sending are on their way.
const MAIL_STATUS_TONE: Partial<Record<string, TagTone>> = { sent: 'success', pending: 'info', sending: 'info', failed: 'danger' };

const KNOWN_KINDS = ['confirmation', 'reminder', 'cancellation', 'rescheduled', 'waitlist_offer'] as const;
const KNOWN_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled'] as const;

/** The outbox: what the clinic has sent or will send, with each message readable in full. */
export function MailboxPage() {
  const { t, i18n } = useTranslation(['staff', 'common']);
  const timeZone = useClinicTimeZone();
  const errorText = useErrorText();
  const mailbox = useQuery(mailboxQuery);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <section className="st-page">
      <PageHeader
        title={t('mailbox.title')}
        subtitle={t('mailbox.subtitle')}
        actions={
          <Button variant="secondary" busy={mailbox.isRefetching} onClick={() => void mailbox.refetch()}>
            {t('actions.refresh')}
          </Button>
        }
      />
      {mailbox.isError ? <Alert tone="error">{errorText(mailbox.error)}</Alert> : null}
      {mailbox.isPending ? (
        <LoadingState label={t('common:loading')} />
      ) : !mailbox.data ? null : mailbox.data.length === 0 ? (
        <EmptyState>{t('mailbox.empty')}</EmptyState>
      ) : (
        <Table className="st-mail-table">
          <thead>
            <tr>
              <th scope="col">{t('mailbox.time')}</th>
              <th scope="col">{t('mailbox.kind')}</th>
              <th scope="col">{t('mailbox.recipient')}</th>
              <th scope="col">{t('mailbox.subject')}</th>
              <th scope="col">{t('mailbox.status')}</th>
              <th scope="col">
                <span className="st-visually-hidden">{t('actions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {mailbox.data.map((m) => {
              const expanded = open.has(m.id);
              const bodyId = `st-mail-${m.id}`;
              return (
                <Fragment key={m.id}>
                  <tr className={expanded ? 'is-expanded' : ''}>
                    <td className="st-nowrap">{formatInstant(m.sentAt ?? m.sendAfter, timeZone, i18n.language, 'dateTimeCompact')}</td>
                    <td>{isOneOf(KNOWN_KINDS, m.kind) ? t(`mailbox.kinds.${m.kind}`) : m.kind}</td>
                    <td dir="ltr" className="st-recipient">
                      {m.recipient}
                    </td>
                    <td>
                      {m.subject}
                      {m.attachmentCount > 0 ? <span className="st-muted"> · {t('mailbox.attachments', { count: m.attachmentCount })}</span> : null}
                    </td>
                    <td>
                      <Tag tone={MAIL_STATUS_TONE[m.status] ?? 'neutral'} strong>
                        {isOneOf(KNOWN_STATUSES, m.status) ? t(`mailbox.statuses.${m.status}`) : m.status}
                      </Tag>
                    </td>
                    <td className="ui-table__actions">
                      <Button variant="ghost" aria-expanded={expanded} aria-controls={bodyId} onClick={() => toggle(m.id)}>
                        {expanded ? t('mailbox.hide') : t('mailbox.show')}
                      </Button>
                    </td>
                  </tr>
                  {expanded ? (
                    <tr className="st-mail-body-row">
                      <td colSpan={6} id={bodyId}>
                        {m.lastError ? <Alert tone="warning">{m.lastError}</Alert> : null}
                        <pre className="st-mail-body" dir="auto">
                          {m.body}
                        </pre>
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
          </tbody>
        </Table>
      )}
    </section>
  );
}
