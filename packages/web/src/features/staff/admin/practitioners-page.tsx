import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { PractitionerFields as PractitionerFieldsSchema } from '@myomap/contract/staff/catalog-admin.schemas';
import { contractResolver } from '../../../lib/forms/contract-resolver.ts';
import { useFieldErrorText } from '../../../lib/forms/field-error.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { staffApi, type Practitioner, type PractitionerFields, type Service } from '../api/staff-api.ts';
import { practitionersQuery, servicesQuery, staffKeys } from '../api/staff-queries.ts';
import { localName } from '../api/local-name.ts';
import { AdminListPage, useAdminEditing } from './admin-list-page.tsx';
import { CheckboxField } from './form-fields.tsx';
import { FormActions, useSaveForm } from './save-form.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { PractitionerProfileForm } from './practitioner-profile-form.tsx';

const EMPTY: PractitionerFields = {
  name: { en: '', ar: '' },
  title: { en: '', ar: '' },
  kind: 'therapist',
  color: '#2f6f6a',
  bookableOnline: true,
  active: true,
  serviceIds: [],
};

export function PractitionersPage() {
  const { t, i18n } = useTranslation(['staff', 'common']);
  const errorText = useErrorText();
  const practitioners = useQuery(practitionersQuery);
  const services = useQuery(servicesQuery);
  const failed = practitioners.error ?? services.error;
  const loaded = practitioners.data && services.data ? { practitioners: practitioners.data, services: services.data } : undefined;
  const dialog = useAdminEditing<PractitionerFields>();
  const { editing } = dialog;
  const lang = i18n.language;

  return (
    <AdminListPage
      title={t('practitioners.title')}
      subtitle={t('practitioners.subtitle')}
      addLabel={t('practitioners.add')}
      onAdd={() => dialog.edit({ fields: EMPTY })}
      notice={dialog.notice}
      error={failed ? errorText(failed) : null}
      loaded={loaded !== undefined}
      dialogTitle={editing?.id ? t('practitioners.editTitle') : t('practitioners.addTitle')}
      dialog={
        editing && loaded ? (
          <>
            <PractitionerForm {...editing} services={loaded.services} onCancel={dialog.close} onSaved={dialog.saved} />
            {editing.id ? <PractitionerProfileForm id={editing.id} /> : null}
          </>
        ) : null
      }
      onCloseDialog={dialog.close}
    >
      <thead>
        <tr>
          <th scope="col">{t('practitioners.name')}</th>
          <th scope="col">{t('practitioners.titleColumn')}</th>
          <th scope="col">{t('practitioners.kind')}</th>
          <th scope="col">{t('practitioners.services')}</th>
          <th scope="col">{t('practitioners.online')}</th>
          <th scope="col">{t('practitioners.status')}</th>
          <th scope="col">
            <span className="st-visually-hidden">{t('actions.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {(loaded?.practitioners ?? []).map((p) => (
          <tr key={p.id} className={p.active ? '' : 'is-inactive'}>
            <td data-label={t('practitioners.name')}>
              <span className="st-swatch" style={{ background: p.color }} aria-hidden="true" /> <strong>{p.name.en}</strong>
              <div className="st-muted" lang="ar" dir="rtl">
                {p.name.ar}
              </div>
            </td>
            <td data-label={t('practitioners.titleColumn')}>{lang === 'ar' ? p.title.ar : p.title.en}</td>
            <td data-label={t('practitioners.kind')}>{t(`kinds.${p.kind}`)}</td>
            <td data-label={t('practitioners.services')}>
              {p.serviceIds
                .map((id) =>
                  localName(
                    loaded?.services.find((s) => s.id === id),
                    lang,
                  ),
                )
                .filter(Boolean)
                .join(lang === 'ar' ? '، ' : ', ')}
            </td>
            <td data-label={t('practitioners.online')}>{p.bookableOnline ? t('common:answers.yes') : t('common:answers.no')}</td>
            <td data-label={t('practitioners.status')}>
              <Tag tone={p.active ? 'success' : 'neutral'} strong>
                {p.active ? t('common.active') : t('common.inactive')}
              </Tag>
            </td>
            <td className="ui-table__actions">
              <Button variant="ghost" onClick={() => dialog.edit({ id: p.id, fields: pick(p) })} aria-label={`${t('actions.edit')} ${localName(p, lang)}`}>
                {t('actions.edit')}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </AdminListPage>
  );
}

function pick(p: Practitioner): PractitionerFields {
  const { name, title, kind, color, bookableOnline, active, serviceIds } = p;
  return { name, title, kind, color, bookableOnline, active, serviceIds };
}

// Checked with the contract's own body schema: both names required, names and titles at most 200 characters.
const practitionerResolver = contractResolver<PractitionerFields, PractitionerFields>(PractitionerFieldsSchema, {
  toBody: (form) => ({ ...form, name: { en: form.name.en.trim(), ar: form.name.ar.trim() } }),
  fields: { '/name/en': 'name.en', '/name/ar': 'name.ar', '/title/en': 'title.en', '/title/ar': 'title.ar' },
});

function PractitionerForm({
  id,
  fields,
  services,
  onCancel,
  onSaved,
}: {
  id?: string;
  fields: PractitionerFields;
  services: Service[];
  onCancel(): void;
  onSaved(): void;
}) {
  const { t, i18n } = useTranslation('staff');
  const errorText = useFieldErrorText();
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors },
  } = useForm<PractitionerFields, unknown, PractitionerFields>({ defaultValues: fields, resolver: practitionerResolver });
  const save = useSaveForm(staffKeys.practitioners);
  const [kind, color, serviceIds] = watch(['kind', 'color', 'serviceIds']);

  return (
    <form
      className="st-form"
      onSubmit={(event) => void handleSubmit((practitioner) => save.run(() => staffApi.savePractitioner(id, practitioner), onSaved))(event)}
      noValidate
    >
      <div className="st-form-row">
        <TextField label={t('fields.nameEn')} required maxLength={200} lang="en" dir="ltr" {...register('name.en')} error={errorText(errors.name?.en)} />
        <TextField label={t('fields.nameAr')} required maxLength={200} lang="ar" dir="rtl" {...register('name.ar')} error={errorText(errors.name?.ar)} />
      </div>
      <div className="st-form-row">
        <TextField label={t('fields.titleEn')} maxLength={200} lang="en" dir="ltr" {...register('title.en')} error={errorText(errors.title?.en)} />
        <TextField label={t('fields.titleAr')} maxLength={200} lang="ar" dir="rtl" {...register('title.ar')} error={errorText(errors.title?.ar)} />
      </div>
      <div className="st-form-row">
        <SelectField
          label={t('practitioners.kind')}
          {...register('kind')}
          options={[
            { value: 'therapist', label: t('kinds.therapist') },
            { value: 'physician', label: t('kinds.physician') },
          ]}
        />
        <div className="ui-field">
          <label className="ui-field__label" htmlFor="st-prac-color">
            {t('practitioners.color')}
          </label>
          <div className="st-color-row">
            <input id="st-prac-color" type="color" {...register('color')} />
            <code dir="ltr">{color}</code>
          </div>
        </div>
      </div>
      <div className="st-form-row">
        <CheckboxField label={t('practitioners.bookableOnline')} {...register('bookableOnline')} />
        <CheckboxField label={t('common.active')} {...register('active')} />
      </div>
      <fieldset className="st-fieldset">
        <legend>{t('practitioners.services')}</legend>
        {services.map((s) => (
          <CheckboxField
            key={s.id}
            label={`${localName(s, i18n.language)}${s.practitionerKind !== kind ? ` (${t(`kinds.${s.practitionerKind}`)})` : ''}`}
            checked={serviceIds.includes(s.id)}
            // One list from many boxes: kept by hand, since register() gives a lone box a boolean.
            onChange={(e) => setValue('serviceIds', e.target.checked ? [...serviceIds, s.id] : serviceIds.filter((x) => x !== s.id))}
          />
        ))}
      </fieldset>
      <FormActions error={save.error} busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
