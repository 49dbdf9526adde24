import type { AuditEntry, AuditQuery } from '@myomap/contract/staff/records.schemas';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { LineList, Pager } from '../../../components/ui/paged-list.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { isOneOf } from '../../../lib/i18n/keys.ts';
import { auditQuery, staffUsersQuery } from '../api/staff-queries.ts';
import { auditActionCodes, isAuditActionCode } from './audit-actions.ts';
import { AuditChanges } from './audit-changes.tsx';
import './audit.css';

const PAGE_SIZE = 50;
const ACTOR_TYPES = ['patient', 'system', 'staff'] as const;

interface Filters {
  patient: string;
  actorId: string;
  action: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { patient: '', actorId: '', action: '', from: '', to: '' };

/** Filled-in filters only, as the server reads them. */
function toQuery(filters: Filters, page: number): AuditQuery {
  const query: AuditQuery = { limit: PAGE_SIZE + 1, offset: page * PAGE_SIZE };
  const patient = filters.patient.trim();
  if (patient) query.patient = patient;
  if (filters.actorId) query.actorId = filters.actorId;
  if (filters.action) query.action = filters.action;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = filters.to;
  return query;
}

/** The audit log as a history in sentences: who did what, to whose record, and what changed. */
export function AuditPage() {
  const { t } = useTranslation(['audit', 'common']);
  const errorText = useErrorText();
  // The applied filters are the query's key; the draft is what is being typed.
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [page, setPage] = useState(0);
  const audit = useQuery(auditQuery(toQuery(filters, page)));
  const users = useQuery(staffUsersQuery);

  const actionOptions = useMemo(
    () => [
      { value: '', label: t('anyAction') },
      ...auditActionCodes()
        .map((code) => ({ value: code, label: t(`actions.${code}`) }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    ],
    [t],
  );
  const staffOptions = [{ value: '', label: t('anyone') }, ...(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))];

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
    setPage(0);
  }
  function clear() {
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
    setPage(0);
  }

  const entries = audit.data?.slice(0, PAGE_SIZE) ?? [];
  const hasOlder = (audit.data?.length ?? 0) > PAGE_SIZE;

  return (
    <section className="st-page">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <form className="au-filters" onSubmit={apply} role="search" aria-label={t('filters')}>
        <TextField
          label={t('patient')}
          hint={t('patientHint')}
          type="search"
          autoComplete="off"
          value={draft.patient}
          onChange={(e) => setDraft({ ...draft, patient: e.target.value })}
        />
        <SelectField label={t('staff')} options={staffOptions} value={draft.actorId} onChange={(e) => setDraft({ ...draft, actorId: e.target.value })} />
        <SelectField label={t('action')} options={actionOptions} value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value })} />
        <TextField
          label={t('from')}
          type="date"
          value={draft.from}
          max={draft.to || undefined}
          onChange={(e) => setDraft({ ...draft, from: e.target.value })}
        />
        <TextField label={t('to')} type="date" value={draft.to} min={draft.from || undefined} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        <div className="au-filter-actions">
          <Button type="submit">{t('apply')}</Button>
          <Button type="button" variant="ghost" onClick={clear}>
            {t('clear')}
          </Button>
        </div>
      </form>
      {audit.isError ? <Alert tone="error">{errorText(audit.error)}</Alert> : null}
      {audit.isPending ? (
        <LoadingState label={t('common:loading')} />
      ) : entries.length === 0 ? (
        audit.isError ? null : (
          <EmptyState>{t('empty')}</EmptyState>
        )
      ) : (
        <LineList className="au-list" ordered busy={audit.isFetching}>
          {entries.map((entry) => (
            <AuditLine key={entry.id} entry={entry} />
          ))}
        </LineList>
      )}
      <Pager page={page} hasOlder={hasOlder} onPage={setPage} labels={{ newer: t('newer'), older: t('older'), page: t('page', { page: page + 1 }) }} />
    </section>
  );
}

function AuditLine({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation('audit');
  const timeZone = useClinicTimeZone();
  const who = entry.actorName ?? (isOneOf(ACTOR_TYPES, entry.actorType) ? t(`actors.${entry.actorType}`) : t('actors.staff'));
  const what = isAuditActionCode(entry.action) ? t(`actions.${entry.action}`) : t('unknownAction', { code: entry.action });
  const patientName = entry.patientName ?? null;
  return (
    <li className="au-entry">
      <p className="au-sentence">
        {patientName && entry.patientId ? (
          <Trans
            t={t}
            i18nKey="sentenceForPatient"
            values={{ who, what, patient: patientName }}
            components={{ who: <strong className="au-who" />, patient: <Link to={`/staff/patients/${encodeURIComponent(entry.patientId)}`} /> }}
          />
        ) : (
          <Trans t={t} i18nKey="sentence" values={{ who, what }} components={{ who: <strong className="au-who" /> }} />
        )}
      </p>
      <p className="au-when">
        <time dateTime={entry.at}>{formatInstant(entry.at, timeZone, i18n.language, 'dateTimeCompact')}</time>
      </p>
      <AuditChanges before={entry.before} after={entry.after} />
    </li>
  );
}
