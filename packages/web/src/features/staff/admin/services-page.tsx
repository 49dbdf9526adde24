import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { ServiceFields as ServiceFieldsSchema } from '@myomap/contract/staff/catalog-admin.schemas';
import { contractResolver } from '../../../lib/forms/contract-resolver.ts';
import { useFieldErrorText } from '../../../lib/forms/field-error.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { staffApi, type Service, type ServiceFields } from '../api/staff-api.ts';
import { servicesQuery, staffKeys } from '../api/staff-queries.ts';
import { localName } from '../api/local-name.ts';
import { AdminListPage, useAdminEditing } from './admin-list-page.tsx';
import { CheckboxField, TextAreaField } from './form-fields.tsx';
import { FormActions, useSaveForm } from './save-form.tsx';
import { Tag } from '../../../components/ui/tag.tsx';

const EMPTY: ServiceFields = {
  name: { en: '', ar: '' },
  description: { en: '', ar: '' },
  durationMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 15,
  practitionerKind: 'therapist',
  requiresRoom: true,
  priceAed: null,
  bookableOnline: true,
  active: true,
};

export function ServicesPage() {
  const { t, i18n } = useTranslation(['staff', 'common']);
  const errorText = useErrorText();
  const data = useQuery(servicesQuery);
  const dialog = useAdminEditing<ServiceFields>();
  const { editing } = dialog;
  const lang = i18n.language;
  const price = new Intl.NumberFormat(lang === 'ar' ? 'ar-AE' : 'en-AE', { style: 'currency', currency: 'AED', maximumFractionDigits: 2 });

  return (
    <AdminListPage
      title={t('services.title')}
      subtitle={t('services.subtitle')}
      addLabel={t('services.add')}
      onAdd={() => dialog.edit({ fields: EMPTY })}
      notice={dialog.notice}
      error={data.isError ? errorText(data.error) : null}
      loaded={data.data !== undefined}
      dialogTitle={editing?.id ? t('services.editTitle') : t('services.addTitle')}
      dialog={editing ? <ServiceForm {...editing} onCancel={dialog.close} onSaved={dialog.saved} /> : null}
      onCloseDialog={dialog.close}
    >
      <thead>
        <tr>
          <th scope="col">{t('services.name')}</th>
          <th scope="col" className="ui-table__num">
            {t('services.duration')}
          </th>
          <th scope="col" className="ui-table__num">
            {t('services.buffers')}
          </th>
          <th scope="col" className="ui-table__num">
            {t('services.price')}
          </th>
          <th scope="col">{t('services.who')}</th>
          <th scope="col">{t('services.online')}</th>
          <th scope="col">{t('practitioners.status')}</th>
          <th scope="col">
            <span className="st-visually-hidden">{t('actions.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {(data.data ?? []).map((s: Service) => (
          <tr key={s.id} className={s.active ? '' : 'is-inactive'}>
            <td data-label={t('services.name')}>
              <strong>{localName(s, lang)}</strong>
              {s.requiresRoom ? <div className="st-muted">{t('services.needsRoom')}</div> : null}
            </td>
            <td className="ui-table__num" data-label={t('services.duration')}>
              {t('units.minutes', { count: s.durationMinutes })}
            </td>
            <td className="ui-table__num" data-label={t('services.buffers')}>
              {t('services.bufferValue', { before: s.bufferBeforeMinutes, after: s.bufferAfterMinutes })}
            </td>
            <td className="ui-table__num" data-label={t('services.price')}>
              {s.priceAed === null ? '—' : price.format(s.priceAed)}
            </td>
            <td data-label={t('services.who')}>{t(`kinds.${s.practitionerKind}`)}</td>
            <td data-label={t('services.online')}>{s.bookableOnline ? t('common:answers.yes') : t('common:answers.no')}</td>
            <td data-label={t('practitioners.status')}>
              <Tag tone={s.active ? 'success' : 'neutral'} strong>
                {s.active ? t('common.active') : t('common.inactive')}
              </Tag>
            </td>
            <td className="ui-table__actions">
              <Button variant="ghost" onClick={() => dialog.edit({ id: s.id, fields: fieldsOf(s) })} aria-label={`${t('actions.edit')} ${localName(s, lang)}`}>
                {t('actions.edit')}
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </AdminListPage>
  );
}

function fieldsOf(s: Service): ServiceFields {
  const { id: _id, ...fields } = s;
  return fields;
}

type ServiceDraft = Omit<ServiceFields, 'priceAed'> & { priceText: string };

const int = (value: number) => (Number.isFinite(value) ? Math.round(value) : 0);
const price = (text: string) => (text.trim() === '' ? null : Number(text));

// Checked with the contract's own body schema: names required, the minute ranges the inputs
// show, and a price of 0 or more.
const serviceResolver = contractResolver<ServiceDraft, ServiceFields>(ServiceFieldsSchema, {
  toBody: ({ priceText, ...form }) => ({
    ...form,
    name: { en: form.name.en.trim(), ar: form.name.ar.trim() },
    durationMinutes: int(form.durationMinutes),
    bufferBeforeMinutes: int(form.bufferBeforeMinutes),
    bufferAfterMinutes: int(form.bufferAfterMinutes),
    priceAed: price(priceText),
  }),
  fields: {
    '/name/en': 'name.en',
    '/name/ar': 'name.ar',
    '/description/en': 'description.en',
    '/description/ar': 'description.ar',
    '/durationMinutes': 'durationMinutes',
    '/bufferBeforeMinutes': 'bufferBeforeMinutes',
    '/bufferAfterMinutes': 'bufferAfterMinutes',
    '/priceAed': 'priceText',
  },
});

function ServiceForm({ id, fields, onCancel, onSaved }: { id?: string; fields: ServiceFields; onCancel(): void; onSaved(): void }) {
  const { t } = useTranslation('staff');
  const errorText = useFieldErrorText();
  const { priceAed, ...rest } = fields;
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<ServiceDraft, unknown, ServiceFields>({
    defaultValues: { ...rest, priceText: priceAed === null ? '' : String(priceAed) },
    resolver: serviceResolver,
  });
  const save = useSaveForm(staffKeys.services);
  const minutes = { valueAsNumber: true } as const;

  return (
    <form
      className="st-form"
      onSubmit={(event) => void handleSubmit((service) => save.run(() => staffApi.saveService(id, service), onSaved))(event)}
      noValidate
    >
      <div className="st-form-row">
        <TextField label={t('fields.nameEn')} required maxLength={200} lang="en" dir="ltr" {...register('name.en')} error={errorText(errors.name?.en)} />
        <TextField label={t('fields.nameAr')} required maxLength={200} lang="ar" dir="rtl" {...register('name.ar')} error={errorText(errors.name?.ar)} />
      </div>
      <div className="st-form-row">
        <TextAreaField label={t('fields.descriptionEn')} rows={3} maxLength={2000} lang="en" dir="ltr" {...register('description.en')} />
        <TextAreaField label={t('fields.descriptionAr')} rows={3} maxLength={2000} lang="ar" dir="rtl" {...register('description.ar')} />
      </div>
      <div className="st-form-row st-form-row-3">
        <TextField
          label={t('services.durationLabel')}
          type="number"
          min={5}
          max={480}
          step={5}
          required
          {...register('durationMinutes', minutes)}
          error={errorText(errors.durationMinutes)}
        />
        <TextField
          label={t('services.bufferBefore')}
          type="number"
          min={0}
          max={120}
          step={5}
          required
          {...register('bufferBeforeMinutes', minutes)}
          error={errorText(errors.bufferBeforeMinutes)}
        />
        <TextField
          label={t('services.bufferAfter')}
          type="number"
          min={0}
          max={120}
          step={5}
          required
          {...register('bufferAfterMinutes', minutes)}
          error={errorText(errors.bufferAfterMinutes)}
        />
      </div>
      <div className="st-form-row">
        <TextField
          label={t('services.priceLabel')}
          optionalText={t('entry.optional')}
          type="number"
          min={0}
          step="0.01"
          inputMode="decimal"
          {...register('priceText')}
          error={errorText(errors.priceText, t('services.priceInvalid'))}
        />
        <SelectField
          label={t('services.who')}
          {...register('practitionerKind')}
          options={[
            { value: 'therapist', label: t('kinds.therapist') },
            { value: 'physician', label: t('kinds.physician') },
          ]}
        />
      </div>
      <div className="st-form-row st-form-row-3">
        <CheckboxField label={t('services.needsRoom')} {...register('requiresRoom')} />
        <CheckboxField label={t('services.onlineLabel')} {...register('bookableOnline')} />
        <CheckboxField label={t('common.active')} {...register('active')} />
      </div>
      <FormActions error={save.error} busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
