import { useEffect, useId, useRef, type ReactNode } from 'react';
import './modal-dialog.css';

export interface ModalDialogProps {
  open: boolean;
  title: ReactNode;
  /** Accessible name of the × button, already translated. */
  closeLabel: string;
  onClose(): void;
  children: ReactNode;
}

/**
 * A modal on the native <dialog>: showModal() traps focus and makes the page inert, Escape
 * closes it. The children mount only while open, so a form starts fresh each time.
 */
export function ModalDialog({ open, title, closeLabel, onClose, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="ui-modal" aria-labelledby={titleId} onClose={onClose}>
      {open ? (
        <>
          <header className="ui-modal__header">
            <h2 className="ui-modal__title" id={titleId}>
              {title}
            </h2>
            <button type="button" className="ui-modal__close" aria-label={closeLabel} onClick={onClose}>
              ×
            </button>
          </header>
          <div className="ui-modal__body">{children}</div>
        </>
      ) : null}
    </dialog>
  );
}
