import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { staffApi, type Service, type ServiceFields } from '../api/staff-api.ts';
import { errorText } from '../api/error-text.ts';
import { localName } from '../api/local-name.ts';
import { useStaffData } from '../api/use-staff-data.ts';
import { AdminListPage, useAdminEditing } from './admin-list-page.tsx';
import { CheckboxField, TextAreaField } from './form-fields.tsx';
import { FormActions, useSaveForm } from './save-form.tsx';
import { Tag } from '../../../components/ui/tag.tsx';

const EMPTY: ServiceFields = {
  nameEn: '', nameAr: '', descriptionEn: '', descriptionAr: '', durationMinutes: 60, bufferBeforeMinutes: 0, bufferAfterMinutes: 15,
  practitionerKind: 'therapist', requiresRoom: true, priceAed: null, bookableOnline: true, active: true,
};

export function ServicesPage() {
  const { t, i18n } = useTranslation('staff');
  const data = useStaffData(() => staffApi.services(), 'services');
  const dialog = useAdminEditing<ServiceFields>(data.reload);
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
      error={data.error ? errorText(t, data.error) : null}
      loaded={data.data !== undefined}
      dialogTitle={editing?.id ? t('services.editTitle') : t('services.addTitle')}
      dialog={editing ? <ServiceForm {...editing} onCancel={dialog.close} onSaved={dialog.saved} /> : null}
      onCloseDialog={dialog.close}
    >
      <thead>
        <tr>
          <th scope="col">{t('services.name')}</th>
          <th scope="col" className="ui-table__num">{t('services.duration')}</th>
          <th scope="col" className="ui-table__num">{t('services.buffers')}</th>
          <th scope="col" className="ui-table__num">{t('services.price')}</th>
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
            <td>
              <strong>{localName(s, lang)}</strong>
              {s.requiresRoom ? <div className="st-muted">{t('services.needsRoom')}</div> : null}
            </td>
            <td className="ui-table__num">{t('units.minutes', { count: s.durationMinutes })}</td>
            <td className="ui-table__num">
              {t('services.bufferValue', { before: s.bufferBeforeMinutes, after: s.bufferAfterMinutes })}
            </td>
            <td className="ui-table__num">{s.priceAed === null ? '—' : price.format(s.priceAed)}</td>
            <td>{t(`kinds.${s.practitionerKind}`)}</td>
            <td>{s.bookableOnline ? t('common.yes') : t('common.no')}</td>
            <td>
              <Tag tone={s.active ? 'success' : 'neutral'} strong>{s.active ? t('common.active') : t('common.inactive')}</Tag>
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

function ServiceForm({ id, fields, onCancel, onSaved }: { id?: string; fields: ServiceFields; onCancel(): void; onSaved(): void }) {
  const { t } = useTranslation('staff');
  const [form, setForm] = useState(fields);
  const [priceText, setPriceText] = useState(fields.priceAed === null ? '' : String(fields.priceAed));
  const save = useSaveForm();
  const set = <K extends keyof ServiceFields>(key: K, value: ServiceFields[K]) => setForm((f) => ({ ...f, [key]: value }));
  const int = (value: string) => (value === '' ? 0 : Math.round(Number(value)));

  function submit(event: FormEvent) {
    event.preventDefault();
    const priceAed = priceText.trim() === '' ? null : Number(priceText);
    if (priceAed !== null && !(priceAed >= 0)) return save.setError(t('services.priceInvalid'));
    void save.run(() => staffApi.saveService(id, { ...form, priceAed }), onSaved);
  }

  return (
    <form className="st-form" onSubmit={submit}>
      <div className="st-form-row">
        <TextField label={t('fields.nameEn')} required maxLength={200} lang="en" dir="ltr" value={form.nameEn} onChange={(e) => set('nameEn', e.target.value)} />
        <TextField label={t('fields.nameAr')} required maxLength={200} lang="ar" dir="rtl" value={form.nameAr} onChange={(e) => set('nameAr', e.target.value)} />
      </div>
      <div className="st-form-row">
        <TextAreaField label={t('fields.descriptionEn')} rows={3} maxLength={2000} lang="en" dir="ltr" value={form.descriptionEn} onChange={(e) => set('descriptionEn', e.target.value)} />
        <TextAreaField label={t('fields.descriptionAr')} rows={3} maxLength={2000} lang="ar" dir="rtl" value={form.descriptionAr} onChange={(e) => set('descriptionAr', e.target.value)} />
      </div>
      <div className="st-form-row st-form-row-3">
        <TextField label={t('services.durationLabel')} type="number" min={5} max={480} step={5} required value={form.durationMinutes} onChange={(e) => set('durationMinutes', int(e.target.value))} />
        <TextField label={t('services.bufferBefore')} type="number" min={0} max={120} step={5} required value={form.bufferBeforeMinutes} onChange={(e) => set('bufferBeforeMinutes', int(e.target.value))} />
        <TextField label={t('services.bufferAfter')} type="number" min={0} max={120} step={5} required value={form.bufferAfterMinutes} onChange={(e) => set('bufferAfterMinutes', int(e.target.value))} />
      </div>
      <div className="st-form-row">
        <TextField label={t('services.priceLabel')} optionalText={t('entry.optional')} type="number" min={0} step="0.01" inputMode="decimal" value={priceText} onChange={(e) => setPriceText(e.target.value)} />
        <SelectField
          label={t('services.who')}
          value={form.practitionerKind}
          onChange={(e) => set('practitionerKind', e.target.value === 'physician' ? 'physician' : 'therapist')}
          options={[
            { value: 'therapist', label: t('kinds.therapist') },
            { value: 'physician', label: t('kinds.physician') },
          ]}
        />
      </div>
      <div className="st-form-row st-form-row-3">
        <CheckboxField label={t('services.needsRoom')} checked={form.requiresRoom} onChange={(e) => set('requiresRoom', e.target.checked)} />
        <CheckboxField label={t('services.onlineLabel')} checked={form.bookableOnline} onChange={(e) => set('bookableOnline', e.target.checked)} />
        <CheckboxField label={t('common.active')} checked={form.active} onChange={(e) => set('active', e.target.checked)} />
      </div>
      <FormActions error={save.error} busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
