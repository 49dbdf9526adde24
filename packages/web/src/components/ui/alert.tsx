import type { ReactNode } from 'react';
import './ui.css';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Extra controls under the text, e.g. a retry button. */
  actions?: ReactNode;
}

/** Errors and warnings interrupt screen readers (role=alert); the rest wait their turn (role=status). */
export function Alert({ tone = 'info', title, children, actions }: AlertProps) {
  const urgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`ui-alert ui-alert--${tone}`} role={urgent ? 'alert' : 'status'}>
      {title ? <p className="ui-alert__title">{title}</p> : null}
      {children ? <div className="ui-alert__body">{children}</div> : null}
      {actions ? <div className="ui-alert__actions">{actions}</div> : null}
    </div>
  );
}
