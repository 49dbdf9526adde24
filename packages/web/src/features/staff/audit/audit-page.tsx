import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { auditQuery, type AuditFilter } from '../api/staff-queries.ts';
import { isOneOf } from '../../../lib/i18n/keys.ts';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';
import { Table } from '../../../components/ui/table.tsx';
import { EmptyState } from '../../../components/ui/empty-state.tsx';

const ROLES = ['admin', 'reception', 'therapist', 'physician'] as const;

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  if (value === null || value === undefined) return null;
  return (
    <div className="st-json">
      <p className="st-json-label">{label}</p>
      <pre dir="ltr">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

/** Who did what and when; before/after snapshots stay folded until asked for. */
export function AuditPage() {
  const { t, i18n } = useTranslation(['staff', 'common']);
  const timeZone = useClinicTimeZone();
  const errorText = useErrorText();
  // The applied filter is the query's key; the draft is what is being typed.
  const [filter, setFilter] = useState<AuditFilter>({ entityType: '', entityId: '' });
  const [draft, setDraft] = useState(filter);
  const audit = useQuery(auditQuery(filter));

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilter({ entityType: draft.entityType.trim(), entityId: draft.entityId.trim() });
  }

  return (
    <section className="st-page">
      <PageHeader eyebrow={t('eyebrow.admin')} title={t('audit.title')} subtitle={t('audit.subtitle')} />
      <form className="st-filter-bar" onSubmit={apply} role="search" aria-label={t('audit.filter')}>
        <TextField
          label={t('audit.entityType')}
          dir="ltr"
          placeholder="appointment"
          value={draft.entityType}
          onChange={(e) => setDraft({ ...draft, entityType: e.target.value })}
        />
        <TextField label={t('audit.entityId')} dir="ltr" value={draft.entityId} onChange={(e) => setDraft({ ...draft, entityId: e.target.value })} />
        <Button type="submit" variant="secondary">
          {t('audit.apply')}
        </Button>
      </form>
      {audit.isError ? <Alert tone="error">{errorText(audit.error)}</Alert> : null}
      {audit.isPending ? (
        <LoadingState label={t('common:loading')} />
      ) : !audit.data ? null : audit.data.length === 0 ? (
        <EmptyState>{t('audit.empty')}</EmptyState>
      ) : (
        <Table className="st-audit-table">
          <thead>
            <tr>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.entity')}</th>
              <th scope="col">{t('audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.map((entry) => (
              <tr key={entry.id}>
                <td className="st-nowrap">{formatInstant(entry.at, timeZone, i18n.language, 'dateTimeCompact')}</td>
                <td>
                  {entry.actorName ?? (entry.actorType === 'patient' ? t('audit.patient') : t('audit.system'))}
                  {isOneOf(ROLES, entry.actorRole) ? <div className="st-muted">{t(`roles.${entry.actorRole}`)}</div> : null}
                </td>
                <td>
                  <code dir="ltr">{entry.action}</code>
                </td>
                <td>
                  <span dir="ltr">
                    {entry.entityType}
                    {entry.entityId ? (
                      <span className="st-muted st-mono" title={entry.entityId}>
                        {' '}
                        {entry.entityId.length > 14 ? `${entry.entityId.slice(0, 12)}…` : entry.entityId}
                      </span>
                    ) : null}
                  </span>
                </td>
                <td>
                  {entry.before != null || entry.after != null ? (
                    <details className="st-json-details">
                      <summary>{t('audit.showChanges')}</summary>
                      <div className="st-json-pair">
                        <JsonBlock label={t('audit.before')} value={entry.before} />
                        <JsonBlock label={t('audit.after')} value={entry.after} />
                      </div>
                    </details>
                  ) : (
                    <span className="st-muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}
