import type { ReactNode } from 'react';
import './ui.css';

export interface PageHeaderProps {
  title: ReactNode;
  /** A short line above the title, e.g. the clinic or section name. */
  eyebrow?: ReactNode;
  subtitle?: ReactNode;
  /** Status badges or a save status under the title. */
  status?: ReactNode;
  actions?: ReactNode;
}

export function PageHeader({ title, eyebrow, subtitle, status, actions }: PageHeaderProps) {
  return (
    <header className="ui-page-header">
      <div className="ui-page-header__text">
        {eyebrow ? <p className="ui-page-header__eyebrow">{eyebrow}</p> : null}
        <h1 className="ui-page-header__title">{title}</h1>
        {subtitle ? <p className="ui-page-header__subtitle">{subtitle}</p> : null}
        {status ? <div className="ui-page-header__status">{status}</div> : null}
      </div>
      {actions ? <div className="ui-page-header__actions">{actions}</div> : null}
    </header>
  );
}
