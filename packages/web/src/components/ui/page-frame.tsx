import type { ReactNode } from 'react';
import { PageHeader } from './page-header.tsx';
import './ui.css';

export interface PageFrameProps {
  /** The page's one <h1>. */
  title: ReactNode;
  /** A short line above the title, e.g. the section ("Administration") or the patient's name. */
  eyebrow?: ReactNode;
  /** A sentence under the title saying what the page is for. */
  description?: ReactNode;
  /** The page's main buttons, at the end of the heading row. */
  actions?: ReactNode;
  /** A link back up, above the heading (e.g. "← Patient"). */
  back?: ReactNode;
  /** Status badges and save status under the title. */
  status?: ReactNode;
  /** 'narrow' for forms and single-column pages (52rem). */
  width?: 'narrow' | 'full';
  children: ReactNode;
  className?: string;
}

/**
 * One page inside the app chrome: its heading, description, actions and body, spaced the same on
 * every page. Not the chrome itself (top bar, navigation, user): that is the staff frame.
 */
export function PageFrame({ title, eyebrow, description, actions, back, status, width = 'full', children, className }: PageFrameProps) {
  const classes = ['ui-page', width === 'narrow' ? 'ui-page--narrow' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <section className={classes}>
      {back ? <div className="ui-page__back">{back}</div> : null}
      <PageHeader eyebrow={eyebrow} title={title} subtitle={description} status={status} actions={actions} />
      {children}
    </section>
  );
}
