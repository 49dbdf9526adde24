import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { Card } from '../../../components/ui/card.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { staffApi, type Practitioner, type ScheduleException, type ScheduleExceptionInput } from '../api/staff-api.ts';
import { localName } from '../api/local-name.ts';
import { staffKeys } from '../api/staff-queries.ts';
import { CheckboxField } from './form-fields.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { formatDay } from '../../../lib/clinic-time/clinic-time.ts';

/** Leave, public holidays and one-off extra hours: the list, a delete with confirmation, and an add form. */
export function LeaveSection({ exceptions, practitioners, today }: { exceptions: ScheduleException[]; practitioners: Practitioner[]; today: string }) {
  const { t, i18n } = useTranslation('staff');
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  // Leave and closures are the calendar's closed bands too: both read this one list.
  const changed = () => queryClient.invalidateQueries({ queryKey: staffKeys.exceptions });
  const lang = i18n.language;
  const [confirmId, setConfirmId] = useState<string>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();

  const [who, setWho] = useState('');
  const [kind, setKind] = useState<'closed' | 'extra_hours'>('closed');
  const [dateFrom, setDateFrom] = useState(today);
  const [dateTo, setDateTo] = useState(today);
  const [allDay, setAllDay] = useState(true);
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('13:00');
  const [note, setNote] = useState('');
  const addLeave = useMutation({
    mutationFn: (body: ScheduleExceptionInput) => staffApi.addException(body),
    onSuccess: () => {
      setNote('');
      setNotice(t('leave.added'));
      return changed();
    },
    onError: (caught) => setError(errorText(caught)),
  });
  const removeLeave = useMutation({
    mutationFn: (id: string) => staffApi.deleteException(id),
    onSuccess: () => {
      setConfirmId(undefined);
      setNotice(t('leave.deleted'));
      return changed();
    },
    onError: (caught) => setError(errorText(caught)),
  });

  const timed = kind === 'extra_hours' || !allDay;

  function add(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setNotice(undefined);
    if (dateTo < dateFrom) return setError(t('leave.datesBackwards'));
    if (timed && start >= end) return setError(t('entry.endBeforeStart'));
    addLeave.mutate({
      practitionerId: who || null,
      kind,
      dateFrom,
      dateTo,
      ...(timed ? { start, end } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
  }

  function remove(id: string) {
    setError(undefined);
    setNotice(undefined);
    removeLeave.mutate(id);
  }

  const whoName = (e: ScheduleException) =>
    e.practitionerId
      ? localName(
          practitioners.find((p) => p.id === e.practitionerId),
          lang,
        ) || e.practitionerId
      : t('leave.wholeClinic');

  return (
    <div className="st-leave">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {exceptions.length === 0 ? (
        <p className="st-muted">{t('leave.none')}</p>
      ) : (
        <Table stackOnPhone>
          <thead>
            <tr>
              <th scope="col">{t('leave.who')}</th>
              <th scope="col">{t('leave.kind')}</th>
              <th scope="col">{t('leave.dates')}</th>
              <th scope="col">{t('leave.hours')}</th>
              <th scope="col">{t('leave.note')}</th>
              <th scope="col">
                <span className="st-visually-hidden">{t('actions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {exceptions.map((e) => (
              <tr key={e.id} className={e.dateTo < today ? 'is-inactive' : ''}>
                <td data-label={t('leave.who')}>{whoName(e)}</td>
                <td data-label={t('leave.kind')}>
                  <Tag tone={e.kind === 'closed' ? 'warning' : 'success'} strong>
                    {t(`leave.kinds.${e.kind}`)}
                  </Tag>
                </td>
                <td data-label={t('leave.dates')}>
                  {e.dateFrom === e.dateTo
                    ? formatDay(e.dateFrom, lang, 'weekdayShortDate')
                    : `${formatDay(e.dateFrom, lang, 'weekdayShortDate')} – ${formatDay(e.dateTo, lang, 'weekdayShortDate')}`}
                </td>
                <td className="st-nowrap" data-label={t('leave.hours')}>
                  {e.start && e.end ? <span dir="ltr">{`${e.start}–${e.end}`}</span> : t('leave.allDay')}
                </td>
                <td data-label={t('leave.note')}>{e.note}</td>
                <td className="ui-table__actions">
                  {confirmId === e.id ? (
                    <span className="st-confirm">
                      <span>{t('leave.confirmDelete')}</span>
                      <Button variant="danger" onClick={() => remove(e.id)}>
                        {t('actions.delete')}
                      </Button>
                      <Button variant="ghost" onClick={() => setConfirmId(undefined)}>
                        {t('actions.keep')}
                      </Button>
                    </span>
                  ) : (
                    <Button
                      variant="ghost"
                      onClick={() => setConfirmId(e.id)}
                      aria-label={`${t('actions.delete')}: ${whoName(e)}, ${formatDay(e.dateFrom, lang, 'weekdayShortDate')}`}
                    >
                      {t('actions.delete')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}

      <Card as="section" className="st-add-card" aria-labelledby="st-leave-add">
        <h3 id="st-leave-add">{t('leave.addTitle')}</h3>
        <form className="st-form" onSubmit={add}>
          <div className="st-form-row">
            <SelectField
              label={t('leave.who')}
              value={who}
              onChange={(e) => setWho(e.target.value)}
              options={[
                { value: '', label: t('leave.wholeClinic') },
                ...practitioners.filter((p) => p.active).map((p) => ({ value: p.id, label: localName(p, lang) })),
              ]}
            />
            <SelectField
              label={t('leave.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value === 'extra_hours' ? 'extra_hours' : 'closed')}
              options={[
                { value: 'closed', label: t('leave.kinds.closed') },
                { value: 'extra_hours', label: t('leave.kinds.extra_hours') },
              ]}
            />
          </div>
          <div className="st-form-row">
            <TextField
              label={t('leave.from')}
              type="date"
              required
              value={dateFrom}
              onChange={(e) => {
                setDateFrom(e.target.value);
                if (dateTo < e.target.value) setDateTo(e.target.value);
              }}
            />
            <TextField label={t('leave.to')} type="date" required min={dateFrom} value={dateTo} onChange={(e) => setDateTo(e.target.value)} />
          </div>
          {kind === 'closed' ? <CheckboxField label={t('leave.allDay')} checked={allDay} onChange={(e) => setAllDay(e.target.checked)} /> : null}
          {timed ? (
            <div className="st-form-row">
              <TextField label={t('entry.start')} type="time" step={900} required value={start} onChange={(e) => setStart(e.target.value)} />
              <TextField label={t('entry.end')} type="time" step={900} required value={end} onChange={(e) => setEnd(e.target.value)} />
            </div>
          ) : null}
          <TextField
            label={t('leave.note')}
            optionalText={t('entry.optional')}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('leave.notePlaceholder')}
          />
          <div className="st-form-actions">
            <Button type="submit" busy={addLeave.isPending}>
              {t('leave.add')}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}
