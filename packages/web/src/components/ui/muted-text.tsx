import type { HTMLAttributes, ReactNode } from 'react';
import './ui.css';

export interface MutedTextProps extends HTMLAttributes<HTMLElement> {
  as?: 'p' | 'span' | 'div';
  /** 'sm' for hints and secondary lines under a title. */
  size?: 'sm' | 'md';
  children: ReactNode;
}

/** Secondary text in the muted colour (still AA contrast on every surface). */
export function MutedText({ as: Element = 'p', size = 'md', className, children, ...rest }: MutedTextProps) {
  const classes = ['ui-muted', size === 'sm' ? 'ui-muted--sm' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <Element {...rest} className={classes}>
      {children}
    </Element>
  );
}
