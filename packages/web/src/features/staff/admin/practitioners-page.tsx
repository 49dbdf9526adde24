import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { staffApi, type Practitioner, type PractitionerFields, type Service } from '../api/staff-api.ts';
import { errorText } from '../api/error-text.ts';
import { localName } from '../api/local-name.ts';
import { useStaffData } from '../api/use-staff-data.ts';
import { AdminListPage, useAdminEditing } from './admin-list-page.tsx';
import { CheckboxField } from './form-fields.tsx';
import { FormActions, useSaveForm } from './save-form.tsx';
import { Tag } from '../../../components/ui/tag.tsx';

const EMPTY: PractitionerFields = { nameEn: '', nameAr: '', titleEn: '', titleAr: '', kind: 'therapist', color: '#2f6f6a', bookableOnline: true, active: true, serviceIds: [] };

async function load() {
  const [practitioners, services] = await Promise.all([staffApi.practitioners(), staffApi.services()]);
  return { practitioners, services };
}

export function PractitionersPage() {
  const { t, i18n } = useTranslation('staff');
  const data = useStaffData(load, 'practitioners');
  const dialog = useAdminEditing<PractitionerFields>(data.reload);
  const { editing } = dialog;
  const lang = i18n.language;

  return (
    <AdminListPage
      title={t('practitioners.title')}
      subtitle={t('practitioners.subtitle')}
      addLabel={t('practitioners.add')}
      onAdd={() => dialog.edit({ fields: EMPTY })}
      notice={dialog.notice}
      error={data.error ? errorText(t, data.error) : null}
      loaded={data.data !== undefined}
      dialogTitle={editing?.id ? t('practitioners.editTitle') : t('practitioners.addTitle')}
      dialog={editing && data.data ? <PractitionerForm {...editing} services={data.data.services} onCancel={dialog.close} onSaved={dialog.saved} /> : null}
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
        {(data.data?.practitioners ?? []).map((p) => (
          <tr key={p.id} className={p.active ? '' : 'is-inactive'}>
            <td>
              <span className="st-swatch" style={{ background: p.color }} aria-hidden="true" /> <strong>{p.nameEn}</strong>
              <div className="st-muted" lang="ar" dir="rtl">
                {p.nameAr}
              </div>
            </td>
            <td>{lang === 'ar' ? p.titleAr : p.titleEn}</td>
            <td>{t(`kinds.${p.kind}`)}</td>
            <td>
              {p.serviceIds
                .map((id) => localName(data.data?.services.find((s) => s.id === id), lang))
                .filter(Boolean)
                .join(lang === 'ar' ? '، ' : ', ')}
            </td>
            <td>{p.bookableOnline ? t('common.yes') : t('common.no')}</td>
            <td>
              <Tag tone={p.active ? 'success' : 'neutral'} strong>{p.active ? t('common.active') : t('common.inactive')}</Tag>
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
  const { nameEn, nameAr, titleEn, titleAr, kind, color, bookableOnline, active, serviceIds } = p;
  return { nameEn, nameAr, titleEn, titleAr, kind, color, bookableOnline, active, serviceIds };
}

function PractitionerForm({ id, fields, services, onCancel, onSaved }: { id?: string; fields: PractitionerFields; services: Service[]; onCancel(): void; onSaved(): void }) {
  const { t, i18n } = useTranslation('staff');
  const [form, setForm] = useState(fields);
  const save = useSaveForm();
  const set = <K extends keyof PractitionerFields>(key: K, value: PractitionerFields[K]) => setForm((f) => ({ ...f, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    void save.run(() => staffApi.savePractitioner(id, { ...form, nameEn: form.nameEn.trim(), nameAr: form.nameAr.trim() }), onSaved);
  }

  return (
    <form className="st-form" onSubmit={submit}>
      <div className="st-form-row">
        <TextField label={t('fields.nameEn')} required maxLength={200} lang="en" dir="ltr" value={form.nameEn} onChange={(e) => set('nameEn', e.target.value)} />
        <TextField label={t('fields.nameAr')} required maxLength={200} lang="ar" dir="rtl" value={form.nameAr} onChange={(e) => set('nameAr', e.target.value)} />
      </div>
      <div className="st-form-row">
        <TextField label={t('fields.titleEn')} maxLength={200} lang="en" dir="ltr" value={form.titleEn} onChange={(e) => set('titleEn', e.target.value)} />
        <TextField label={t('fields.titleAr')} maxLength={200} lang="ar" dir="rtl" value={form.titleAr} onChange={(e) => set('titleAr', e.target.value)} />
      </div>
      <div className="st-form-row">
        <SelectField
          label={t('practitioners.kind')}
          value={form.kind}
          onChange={(e) => set('kind', e.target.value === 'physician' ? 'physician' : 'therapist')}
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
            <input id="st-prac-color" type="color" value={form.color} onChange={(e) => set('color', e.target.value)} />
            <code dir="ltr">{form.color}</code>
          </div>
        </div>
      </div>
      <div className="st-form-row">
        <CheckboxField label={t('practitioners.bookableOnline')} checked={form.bookableOnline} onChange={(e) => set('bookableOnline', e.target.checked)} />
        <CheckboxField label={t('common.active')} checked={form.active} onChange={(e) => set('active', e.target.checked)} />
      </div>
      <fieldset className="st-fieldset">
        <legend>{t('practitioners.services')}</legend>
        {services.map((s) => (
          <CheckboxField
            key={s.id}
            label={`${localName(s, i18n.language)}${s.practitionerKind !== form.kind ? ` (${t(`kinds.${s.practitionerKind}`)})` : ''}`}
            checked={form.serviceIds.includes(s.id)}
            onChange={(e) => set('serviceIds', e.target.checked ? [...form.serviceIds, s.id] : form.serviceIds.filter((x) => x !== s.id))}
          />
        ))}
      </fieldset>
      <FormActions error={save.error} busy={save.busy} onCancel={onCancel} />
    </form>
  );
}
