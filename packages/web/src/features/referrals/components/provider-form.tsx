import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { referralsApi, type ProviderIn, type ProviderKind, type ProviderOut } from '../api/referrals-api.ts';
import { PROVIDER_KINDS } from '@myomap/domain/referrals/referral-lifecycle';
import { TextArea } from './text-area.tsx';

const blank: ProviderIn = { kind: 'neurology', entity: 'organisation', name: '', languages: ['en', 'ar'], accepts: '', notes: '', active: true };

/** Adds or edits a directory entry (admin). Empty optional fields are left out, not sent as "". */
export function ProviderForm({ provider, onDone }: { provider?: ProviderOut | undefined; onDone: () => void }) {
  const { t } = useTranslation('referrals');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Record<string, string | boolean>>(() => {
    const start = provider ?? blank;
    return {
      kind: start.kind,
      entity: start.entity,
      name: start.name,
      organisation: start.organisation ?? '',
      email: start.email ?? '',
      phone: start.phone ?? '',
      fax: start.fax ?? '',
      address: start.address ?? '',
      website: start.website ?? '',
      languages: start.languages.join(', '),
      accepts: start.accepts,
      notes: start.notes,
      active: start.active,
    };
  });
  const text = (key: string) => String(form[key] ?? '');
  const set = (key: string) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const save = useMutation({
    mutationFn: () => {
      const optional = (key: string) => (text(key).trim() ? { [key]: text(key).trim() } : {});
      const body: ProviderIn = {
        kind: text('kind') as ProviderKind,
        entity: text('entity') as ProviderIn['entity'],
        name: text('name'),
        ...optional('organisation'),
        ...optional('email'),
        ...optional('phone'),
        ...optional('fax'),
        ...optional('address'),
        ...optional('website'),
        languages: [
          ...new Set(
            text('languages')
              .split(',')
              .map((l) => l.trim().toLowerCase())
              .filter(Boolean),
          ),
        ],
        accepts: text('accepts'),
        notes: text('notes'),
        active: form.active === true,
      };
      return provider ? referralsApi.updateProvider(provider.id, body) : referralsApi.createProvider(body);
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['referrals', 'providers'] });
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="rf-form" onSubmit={submit}>
      <SelectField
        label={t('directory.kind')}
        value={text('kind')}
        onChange={set('kind')}
        options={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
      />
      <SelectField
        label={t('providerForm.entity')}
        value={text('entity')}
        onChange={set('entity')}
        options={[
          { value: 'organisation', label: t('providerForm.organisation') },
          { value: 'practitioner', label: t('providerForm.practitioner') },
        ]}
      />
      <TextField label={t('providerForm.name')} value={text('name')} onChange={set('name')} required maxLength={200} />
      <TextField label={t('providerForm.organisationName')} value={text('organisation')} onChange={set('organisation')} maxLength={200} />
      <TextField label={t('providerForm.email')} type="email" value={text('email')} onChange={set('email')} dir="ltr" />
      <TextField label={t('providerForm.phone')} type="tel" value={text('phone')} onChange={set('phone')} dir="ltr" />
      <TextField label={t('providerForm.fax')} type="tel" value={text('fax')} onChange={set('fax')} dir="ltr" />
      <TextField label={t('providerForm.website')} type="url" value={text('website')} onChange={set('website')} dir="ltr" />
      <TextField className="rf-wide" label={t('providerForm.address')} value={text('address')} onChange={set('address')} maxLength={400} />
      <TextField label={t('providerForm.languages')} value={text('languages')} onChange={set('languages')} dir="ltr" />
      <TextArea label={t('providerForm.accepts')} value={text('accepts')} onChange={set('accepts')} maxLength={1000} />
      <TextArea label={t('providerForm.notes')} value={text('notes')} onChange={set('notes')} maxLength={2000} />
      <label className="rf-check rf-wide">
        <input type="checkbox" checked={form.active === true} onChange={(event) => setForm({ ...form, active: event.target.checked })} />
        {t('providerForm.active')}
      </label>
      <div className="rf-row rf-wide">
        <Button type="submit" busy={save.isPending}>
          {t('providerForm.save')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('providerForm.cancel')}
        </Button>
      </div>
      {save.error ? (
        <div className="rf-wide">
          <Alert tone="error">{errorText(save.error)}</Alert>
        </div>
      ) : null}
    </form>
  );
}
