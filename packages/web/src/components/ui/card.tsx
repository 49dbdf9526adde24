import type { HTMLAttributes, ReactNode } from 'react';
import './ui.css';

export interface CardProps extends HTMLAttributes<HTMLElement> {
  as?: 'section' | 'div' | 'article' | 'aside';
  children: ReactNode;
}

/** A white surface with a soft border, the basic container of every page. */
export function Card({ as: Tag = 'div', className, children, ...rest }: CardProps) {
  return (
    <Tag {...rest} className={['ui-card', className ?? ''].filter(Boolean).join(' ')}>
      {children}
    </Tag>
  );
}
