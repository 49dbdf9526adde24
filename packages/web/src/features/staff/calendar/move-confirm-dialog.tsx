import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button.tsx';
import { ModalDialog } from '../../../components/ui/modal-dialog.tsx';
import type { CalendarEvent } from '../api/staff-api.ts';
import { formatInstant } from '../../../lib/clinic-time/clinic-time.ts';

/** A drag or resize waiting for staff to say yes: where the entry would go, and the way back. */
export interface PendingMove {
  source: CalendarEvent;
  /** ISO with the clinic's offset. */
  start: string;
  end?: string | undefined;
  practitionerId?: string | undefined;
  roomId?: string | null | undefined;
  /** The practitioner's name in the reader's language, when the move changes or names one. */
  practitionerName: string;
  revert(): void;
}

interface MoveConfirmDialogProps {
  move: PendingMove | undefined;
  timeZone: string;
  busy: boolean;
  onCancel(): void;
  onConfirm(notifyPatient: boolean): void;
}

/**
 * "Move Rana Aziz to Tue 3 Mar 10:00 with Amira?" — a drop is a question, not a done deal: the
 * patient is emailed only if the box stays ticked, and cancelling puts the entry back.
 */
export function MoveConfirmDialog({ move, timeZone, busy, onCancel, onConfirm }: MoveConfirmDialogProps) {
  const { t } = useTranslation(['staff', 'common']);
  return (
    <ModalDialog open={move !== undefined} title={t('move.title')} closeLabel={t('common:actions.close')} onClose={onCancel}>
      {move ? <MoveConfirmForm move={move} timeZone={timeZone} busy={busy} onCancel={onCancel} onConfirm={onConfirm} /> : null}
    </ModalDialog>
  );
}

function MoveConfirmForm({ move, timeZone, busy, onCancel, onConfirm }: MoveConfirmDialogProps & { move: PendingMove }) {
  const { t, i18n } = useTranslation('staff');
  const [notify, setNotify] = useState(true);
  const id = useId();
  const visit = move.source.kind === 'visit';
  const when = formatInstant(move.start, timeZone, i18n.language);
  const question = visit
    ? t('move.visitQuestion', { name: move.source.patientName ?? t('details.visit'), when, practitioner: move.practitionerName })
    : t('move.blockQuestion', { when, practitioner: move.practitionerName });

  function submit(event: FormEvent) {
    event.preventDefault();
    onConfirm(visit && notify);
  }

  return (
    <form className="st-form st-move-confirm" onSubmit={submit}>
      <p className="st-move-question">{question}</p>
      {visit ? (
        <div className="st-checkbox">
          <input id={id} type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />
          <label htmlFor={id}>{t('move.notify')}</label>
        </div>
      ) : null}
      <div className="st-form-actions">
        <Button variant="ghost" onClick={onCancel}>
          {t('move.keep')}
        </Button>
        <Button type="submit" busy={busy}>
          {t('move.confirm')}
        </Button>
      </div>
    </form>
  );
}
