import '../referrals.css';
import { can } from '@myomap/domain/access/permissions';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import type { ProviderOut } from '../api/referrals-api.ts';
import { providersQuery } from '../api/referrals-queries.ts';
import { ProviderForm } from '../components/provider-form.tsx';
import { PROVIDER_KINDS } from '@myomap/domain/referrals/referral-lifecycle';

/** /staff/referrals/directory — everyone searches the provider directory; the administrator keeps it. */
export function DirectoryPage() {
  const { t } = useTranslation(['referrals', 'common']);
  const errorText = useErrorText();
  const user = useStaffUser();
  const manage = can(user.role, 'referral.directory.manage');
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [editing, setEditing] = useState<ProviderOut | 'new' | undefined>();
  const providers = useQuery(providersQuery({ q, kind, includeInactive: manage }));

  useEffect(() => {
    document.title = t('directory.title');
  }, [t]);

  return (
    <PageFrame
      title={t('directory.title')}
      description={t('directory.description')}
      back={<Link to="/staff/referrals">{t('directory.back')}</Link>}
      actions={manage && !editing ? <Button onClick={() => setEditing('new')}>{t('directory.add')}</Button> : null}
    >
      <div className="rf-stack">
        {editing ? (
          <Card as="section" aria-label={t('providerForm.title')}>
            <ProviderForm
              key={editing === 'new' ? 'new' : editing.id}
              provider={editing === 'new' ? undefined : editing}
              onDone={() => setEditing(undefined)}
            />
          </Card>
        ) : null}
        <div className="rf-row" role="search">
          <TextField label={t('directory.search')} type="search" value={q} onChange={(event) => setQ(event.target.value)} />
          <SelectField
            label={t('directory.kind')}
            value={kind}
            onChange={(event) => setKind(event.target.value)}
            options={[{ value: '', label: t('directory.anyKind') }, ...PROVIDER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]}
          />
        </div>
        {providers.error ? <Alert tone="error">{errorText(providers.error)}</Alert> : null}
        {!providers.data ? (
          <LoadingState label={t('common:loading')} />
        ) : (
          <Table stackOnPhone caption={t('directory.title')} captionHidden empty={providers.data.length === 0 ? t('directory.none') : undefined}>
            <thead>
              <tr>
                <th scope="col">{t('providerForm.name')}</th>
                <th scope="col">{t('directory.kind')}</th>
                <th scope="col">{t('directory.contact')}</th>
                <th scope="col">{t('directory.languages')}</th>
                <th scope="col">{t('directory.accepts')}</th>
                {manage ? <th scope="col" className="ui-table__actions" /> : null}
              </tr>
            </thead>
            <tbody>
              {providers.data.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('providerForm.name')}>
                    {p.name}
                    {p.organisation ? <div className="rf-muted">{p.organisation}</div> : null}
                    {p.active ? null : <Tag tone="neutral">{t('directory.inactive')}</Tag>}
                  </td>
                  <td data-label={t('directory.kind')}>{t(`kinds.${p.kind}`)}</td>
                  <td data-label={t('directory.contact')} dir="ltr">
                    {[p.email, p.phone, p.fax].filter(Boolean).join(' · ')}
                  </td>
                  <td data-label={t('directory.languages')}>{p.languages.join(', ')}</td>
                  <td data-label={t('directory.accepts')}>{p.accepts}</td>
                  {manage ? (
                    <td className="ui-table__actions">
                      <Button variant="secondary" size="sm" onClick={() => setEditing(p)}>
                        {t('directory.edit')}
                      </Button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </PageFrame>
  );
}
