import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { staffApi } from '../api/staff-api.ts';
import { errorText } from '../api/error-text.ts';
import { useStaffData } from '../api/use-staff-data.ts';
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
  const [query, setQuery] = useState({ entityType: '', entityId: '' });
  const [draft, setDraft] = useState(query);
  const data = useStaffData(async () => {
    const [entries, clinic] = await Promise.all([staffApi.audit({ ...query, limit: 200 }), staffApi.clinic()]);
    return { entries, timeZone: clinic.timeZone };
  }, `${query.entityType}|${query.entityId}`);

  function apply(event: FormEvent) {
    event.preventDefault();
    setQuery({ entityType: draft.entityType.trim(), entityId: draft.entityId.trim() });
  }

  return (
    <section className="st-page">
      <PageHeader eyebrow={t('nav.admin')} title={t('audit.title')} subtitle={t('audit.subtitle')} />
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
      {data.error ? <Alert tone="error">{errorText(t, data.error)}</Alert> : null}
      {!data.data ? (
        <LoadingState label={t('common:loading')} />
      ) : data.data.entries.length === 0 ? (
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
            {data.data.entries.map((entry) => (
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
