import type { HTMLAttributes, ReactNode } from 'react';
import './ui.css';

/**
 * Where an editor's changes stand: 'dirty' (edited, not saved yet), 'saving', 'saved', 'pending'
 * (queued), 'offline' (will retry), 'failed', or 'idle' (nothing to say).
 */
export type SaveStatusState = 'idle' | 'dirty' | 'saving' | 'saved' | 'pending' | 'offline' | 'failed';

export interface SaveStatusProps extends HTMLAttributes<HTMLElement> {
  status: SaveStatusState;
  /** The words, from the feature's translations ("Saved", "Unsaved changes", …). */
  children?: ReactNode;
  /** 'span' inside a toolbar or heading row; 'p' on its own line. */
  as?: 'p' | 'span';
}

/**
 * "Saved" / "Saving…" / "Unsaved changes", announced politely as it changes (role=status).
 * The icon before the words is CSS, so the text stays exactly what the feature passed.
 */
export function SaveStatus({ status, children, as: Element = 'p', className, ...rest }: SaveStatusProps) {
  const classes = ['ui-save-status', `ui-save-status--${status}`, className ?? ''].filter(Boolean).join(' ');
  return (
    <Element role="status" aria-live="polite" {...rest} className={classes} data-status={status}>
      {children}
    </Element>
  );
}
