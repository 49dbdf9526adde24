import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import './ui.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';

interface StyleProps {
  variant?: ButtonVariant | undefined;
  /** Full width: the natural choice for the main action on a phone. */
  block?: boolean | undefined;
  /** 'sm' for toolbars, table rows and dense editors; 'lg' for the one main action of a public page. */
  size?: 'sm' | 'md' | 'lg' | undefined;
}

function buttonClass({ variant = 'primary', block = false, size = 'md' }: StyleProps, extra?: string): string {
  return ['ui-button', `ui-button--${variant}`, size === 'md' ? '' : `ui-button--${size}`, block ? 'ui-button--block' : '', extra ?? '']
    .filter(Boolean)
    .join(' ');
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, StyleProps {
  /** While true the button is disabled and says so to assistive technology. */
  busy?: boolean;
  children: ReactNode;
}

export function Button({ variant, block, size, busy = false, disabled, className, type = 'button', children, ...rest }: ButtonProps) {
  return (
    <button {...rest} type={type} className={buttonClass({ variant, block, size }, className)} disabled={disabled || busy} aria-busy={busy || undefined}>
      {busy ? <span className="ui-button__spinner" aria-hidden="true" /> : null}
      {children}
    </button>
  );
}

export interface ButtonLinkProps extends LinkProps, StyleProps {}

/** A router link that looks like a button, for navigation such as "Book a visit". */
export function ButtonLink({ variant, block, size, className, ...rest }: ButtonLinkProps) {
  return <Link {...rest} className={buttonClass({ variant, block, size }, className)} />;
}

export interface ButtonAnchorProps extends AnchorHTMLAttributes<HTMLAnchorElement>, StyleProps {
  children: ReactNode;
}

/** A plain <a> that looks like a button: tel:, mailto:, downloads and in-page anchors. */
export function ButtonAnchor({ variant, block, size, className, children, ...rest }: ButtonAnchorProps) {
  return (
    <a {...rest} className={buttonClass({ variant, block, size }, className)}>
      {children}
    </a>
  );
}
