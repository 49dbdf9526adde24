import { MAIL_STATUSES, type MailboxQuery, type OutboxMessage } from '@myomap/contract/staff/records.schemas';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { AuthoredText } from '../../../components/ui/authored-text.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { LineList, Pager } from '../../../components/ui/paged-list.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Tag, type TagTone } from '../../../components/ui/tag.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { isOneOf } from '../../../lib/i18n/keys.ts';
import { mailboxQuery } from '../api/staff-queries.ts';
import './mailbox.css';

const PAGE_SIZE = 30;
// Every kind the server writes to the outbox; an unknown one (a newer server) still shows, as "Other".
const KINDS = [
  'confirmation',
  'reminder',
  'rescheduled',
  'cancellation',
  'waitlist_offer',
  'aftercare',
  'checkin',
  'follow_up',
  'staff_alert',
  'staff_account',
  'portal_sign_in',
] as const;
// Delivery by tone: sent is done, waiting and sending are on their way, failed needs a look.
const STATUS_TONE: Record<(typeof MAIL_STATUSES)[number], TagTone> = {
  sent: 'success',
  pending: 'info',
  sending: 'info',
  failed: 'danger',
  cancelled: 'neutral',
};

/** The outbox as a mailbox: one line per message (when, to whom, what kind, subject, delivery); a click opens it. */
export function MailboxPage() {
  const { t } = useTranslation(['staff', 'common']);
  const errorText = useErrorText();
  const [kind, setKind] = useState('');
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(0);
  const query: MailboxQuery = { limit: PAGE_SIZE + 1, offset: page * PAGE_SIZE };
  if (kind) query.kind = kind;
  if (isOneOf(MAIL_STATUSES, status)) query.status = status;
  const mailbox = useQuery(mailboxQuery(query));
  const messages = mailbox.data?.slice(0, PAGE_SIZE) ?? [];
  const hasOlder = (mailbox.data?.length ?? 0) > PAGE_SIZE;
  const filtered = kind !== '' || status !== '';

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
      <div className="mb-filters" role="search" aria-label={t('mailbox.filters')}>
        <SelectField
          label={t('mailbox.kind')}
          value={kind}
          onChange={(e) => {
            setKind(e.target.value);
            setPage(0);
          }}
          options={[{ value: '', label: t('mailbox.anyKind') }, ...KINDS.map((k) => ({ value: k, label: t(`mailbox.kinds.${k}`) }))]}
        />
        <SelectField
          label={t('mailbox.status')}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setPage(0);
          }}
          options={[{ value: '', label: t('mailbox.anyStatus') }, ...MAIL_STATUSES.map((s) => ({ value: s, label: t(`mailbox.statuses.${s}`) }))]}
        />
      </div>
      {mailbox.isError ? <Alert tone="error">{errorText(mailbox.error)}</Alert> : null}
      {mailbox.isPending ? (
        <LoadingState label={t('common:loading')} />
      ) : messages.length === 0 ? (
        mailbox.isError ? null : (
          <EmptyState>{filtered ? t('mailbox.emptyFiltered') : t('mailbox.empty')}</EmptyState>
        )
      ) : (
        <LineList className="mb-list" busy={mailbox.isFetching}>
          {messages.map((m) => (
            <MailLine key={m.id} message={m} />
          ))}
        </LineList>
      )}
      <Pager
        page={page}
        hasOlder={hasOlder}
        onPage={setPage}
        labels={{ newer: t('mailbox.newer'), older: t('mailbox.older'), page: t('mailbox.page', { page: page + 1 }) }}
      />
    </section>
  );
}

function MailLine({ message: m }: { message: OutboxMessage }) {
  const { t, i18n } = useTranslation('staff');
  const timeZone = useClinicTimeZone();
  const [open, setOpen] = useState(false);
  const bodyId = `mb-body-${m.id}`;
  const when = m.sentAt ?? m.sendAfter;
  return (
    <li className={open ? 'mb-item is-open' : 'mb-item'}>
      <button type="button" className="mb-summary" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
        <time className="mb-when" dateTime={when}>
          {formatInstant(when, timeZone, i18n.language, 'dateTimeCompact')}
        </time>
        <span className="mb-to">
          {m.patientName ? (
            <span className="mb-name">
              <bdi>{m.patientName}</bdi>
            </span>
          ) : null}
          <span className="mb-address">
            <bdi dir="ltr">{m.recipient}</bdi>
          </span>
        </span>
        <span className="mb-kind">
          <Tag tone="primary">{isOneOf(KINDS, m.kind) ? t(`mailbox.kinds.${m.kind}`) : m.kind}</Tag>
        </span>
        <span className="mb-subject">
          <AuthoredText text={m.subject} />
          {m.attachmentCount > 0 ? <span className="mb-muted"> · {t('mailbox.attachments', { count: m.attachmentCount })}</span> : null}
        </span>
        <span className="mb-status">
          <Tag tone={isOneOf(MAIL_STATUSES, m.status) ? STATUS_TONE[m.status] : 'neutral'} strong>
            {isOneOf(MAIL_STATUSES, m.status) ? t(`mailbox.statuses.${m.status}`) : m.status}
          </Tag>
        </span>
      </button>
      {open ? (
        <div className="mb-body" id={bodyId}>
          {m.lastError ? (
            <Alert tone="warning">
              {t('mailbox.failedBecause')} <bdi dir="ltr">{m.lastError}</bdi>
            </Alert>
          ) : null}
          {m.bodyHidden ? (
            <p className="mb-muted">{t('mailbox.hiddenBody')}</p>
          ) : (
            <pre className="mb-text" dir="auto">
              {m.body}
            </pre>
          )}
        </div>
      ) : null}
    </li>
  );
}
