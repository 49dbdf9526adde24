import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { RoomFields as RoomFieldsSchema } from '@myomap/contract/staff/catalog-admin.schemas';
import { contractResolver } from '../../../lib/forms/contract-resolver.ts';
import { useFieldErrorText } from '../../../lib/forms/field-error.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { staffApi, type RoomFields } from '../api/staff-api.ts';
import { roomsQuery, staffKeys } from '../api/staff-queries.ts';
import { AdminListPage, useAdminEditing } from './admin-list-page.tsx';
import { CheckboxField } from './form-fields.tsx';
import { FormActions, useSaveForm } from './save-form.tsx';
import { Tag } from '../../../components/ui/tag.tsx';

export function RoomsPage() {
  const { t } = useTranslation('staff');
  const errorText = useErrorText();
  const data = useQuery(roomsQuery);
  const dialog = useAdminEditing<RoomFields>();
  const { editing } = dialog;

  return (
    <AdminListPage
      narrow
      title={t('rooms.title')}
      subtitle={t('rooms.subtitle')}
      addLabel={t('rooms.add')}
      onAdd={() => dialog.edit({ fields: { name: { en: '', ar: '' }, active: true } })}
      notice={dialog.notice}
      error={data.isError ? errorText(data.error) : null}
      loaded={data.data !== undefined}
      dialogTitle={editing?.id ? t('rooms.editTitle') : t('rooms.addTitle')}
      dialog={editing ? <RoomForm {...editing} onCancel={dialog.close} onSaved={dialog.saved} /> : null}
      onCloseDialog={dialog.close}
    >
      <thead>
        <tr>
          <th scope="col">{t('fields.nameEn')}</th>
          <th scope="col">{t('fields.nameAr')}</th>
          <th scope="col">{t('practitioners.status')}</th>
          <th scope="col">
            <span className="st-visually-hidden">{t('actions.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {(data.data ?? []).map((r) => (
          <tr key={r.id} className={r.active ? '' : 'is-inactive'}>
            <td lang="en" dir="ltr" data-label={t('fields.nameEn')}>
              {r.name.en}
            </td>
            <td lang="ar" dir="rtl" data-label={t('fields.nameAr')}>
              {r.name.ar}
            </td>
            <td data-label={t('practitioners.status')}>
              <Tag tone={r.active ? 'success' : 'neutral'} strong>
                {r.active ? t('common.active') : t('common.inactive')}
              </Tag>
            </td>
            <td className="ui-table__actions">
              <Button
                variant="ghost"
                onClick={() => dialog.edit({ id: r.id, fields: { name: r.name, active: r.active } })}
                aria-label={`${t('actions.edit')} ${r.name.en}`}
              >
                {t('actions.edit')}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </AdminListPage>
  );
}

// Checked with the contract's own body schema: both names required, at most 200 characters.
const roomResolver = contractResolver<RoomFields, RoomFields>(RoomFieldsSchema, {
  toBody: (form) => ({ name: { en: form.name.en.trim(), ar: form.name.ar.trim() }, active: form.active }),
  fields: { '/name/en': 'name.en', '/name/ar': 'name.ar' },
});

function RoomForm({ id, fields, onCancel, onSaved }: { id?: string; fields: RoomFields; onCancel(): void; onSaved(): void }) {
  const { t } = useTranslation('staff');
  const errorText = useFieldErrorText();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<RoomFields, unknown, RoomFields>({ defaultValues: fields, resolver: roomResolver });
  const save = useSaveForm(staffKeys.rooms);

  return (
    <form className="st-form" onSubmit={(event) => void handleSubmit((room) => save.run(() => staffApi.saveRoom(id, room), onSaved))(event)} noValidate>
      <div className="st-form-row">
        <TextField label={t('fields.nameEn')} required maxLength={200} lang="en" dir="ltr" {...register('name.en')} error={errorText(errors.name?.en)} />
        <TextField label={t('fields.nameAr')} required maxLength={200} lang="ar" dir="rtl" {...register('name.ar')} error={errorText(errors.name?.ar)} />
      </div>
      <CheckboxField label={t('common.active')} {...register('active')} />
      <FormActions error={save.error} busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
