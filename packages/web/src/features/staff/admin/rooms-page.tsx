import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { staffApi, type RoomFields } from '../api/staff-api.ts';
import { errorText } from '../api/error-text.ts';
import { useSessionGuard, useStaffData } from '../api/use-staff-data.ts';
import { CheckboxField } from './form-fields.tsx';

export function RoomsPage() {
  const { t } = useTranslation('staff');
  const data = useStaffData(() => staffApi.rooms(), 'rooms');
  const [editing, setEditing] = useState<{ id?: string; fields: RoomFields }>();
  const [notice, setNotice] = useState<string>();

  return (
    <section className="st-page st-page-narrow">
      <PageHeader
        eyebrow={t('nav.admin')}
        title={t('rooms.title')}
        subtitle={t('rooms.subtitle')}
        actions={<Button onClick={() => setEditing({ fields: { nameEn: '', nameAr: '', active: true } })}>{t('rooms.add')}</Button>}
      />
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {data.error ? <Alert tone="error">{errorText(t, data.error)}</Alert> : null}
      {!data.data ? (
        <LoadingState label={t('common.loading')} />
      ) : (
        <div className="st-table-wrap">
          <table className="st-table">
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
              {data.data.map((r) => (
                <tr key={r.id} className={r.active ? '' : 'is-inactive'}>
                  <td lang="en" dir="ltr">
                    {r.nameEn}
                  </td>
                  <td lang="ar" dir="rtl">
                    {r.nameAr}
                  </td>
                  <td>
                    <span className={r.active ? 'st-pill st-pill-ok' : 'st-pill'}>{r.active ? t('common.active') : t('common.inactive')}</span>
                  </td>
                  <td className="st-cell-actions">
                    <Button variant="ghost" onClick={() => setEditing({ id: r.id, fields: { nameEn: r.nameEn, nameAr: r.nameAr, active: r.active } })} aria-label={`${t('actions.edit')} ${r.nameEn}`}>
                      {t('actions.edit')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ModalDialog open={editing !== undefined} title={editing?.id ? t('rooms.editTitle') : t('rooms.addTitle')} closeLabel={t('actions.close')} onClose={() => setEditing(undefined)}>
        {editing ? (
          <RoomForm
            {...editing}
            onCancel={() => setEditing(undefined)}
            onSaved={() => {
              setEditing(undefined);
              setNotice(t('common.saved'));
              data.reload();
            }}
          />
        ) : null}
      </ModalDialog>
    </section>
  );
}

function RoomForm({ id, fields, onCancel, onSaved }: { id?: string; fields: RoomFields; onCancel(): void; onSaved(): void }) {
  const { t } = useTranslation('staff');
  const guard = useSessionGuard();
  const [form, setForm] = useState(fields);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await staffApi.saveRoom(id, { nameEn: form.nameEn.trim(), nameAr: form.nameAr.trim(), active: form.active });
      onSaved();
    } catch (caught) {
      guard(caught);
      setError(errorText(t, caught));
      setBusy(false);
    }
  }

  return (
    <form className="st-form" onSubmit={(e) => void submit(e)}>
      <div className="st-form-row">
        <TextField label={t('fields.nameEn')} required maxLength={200} lang="en" dir="ltr" value={form.nameEn} onChange={(e) => setForm({ ...form, nameEn: e.target.value })} />
        <TextField label={t('fields.nameAr')} required maxLength={200} lang="ar" dir="rtl" value={form.nameAr} onChange={(e) => setForm({ ...form, nameAr: e.target.value })} />
      </div>
      <CheckboxField label={t('common.active')} checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="st-form-actions">
        <Button variant="ghost" onClick={onCancel}>
          {t('actions.cancel')}
        </Button>
        <Button type="submit" busy={busy}>
          {t('actions.save')}
        </Button>
      </div>
    </form>
  );
}
