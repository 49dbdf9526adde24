import type { HTMLAttributes, ReactNode } from 'react';
import './ui.css';

/**
 * What a tag says, by colour: neutral facts, primary (the clinic's own), success (done, clear),
 * warning (waiting, take care), danger (failed, refer), info (scheduled, soon), pain (a painful
 * finding), override (a clinician's override of a rule).
 */
export type TagTone = 'neutral' | 'primary' | 'success' | 'warning' | 'danger' | 'info' | 'pain' | 'override';

export interface TagProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: TagTone;
  /** Bold status badge (e.g. "Signed") rather than a light label (e.g. a body region). */
  strong?: boolean;
  children: ReactNode;
}

/** A small rounded label: a status, a category or a finding. */
export function Tag({ tone = 'neutral', strong = false, className, children, ...rest }: TagProps) {
  const classes = ['ui-tag', `ui-tag--${tone}`, strong ? 'ui-tag--strong' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <span {...rest} className={classes}>
      {children}
    </span>
  );
}
