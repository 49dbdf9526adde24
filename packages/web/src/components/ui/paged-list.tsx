import type { ReactNode } from 'react';
import { Button } from './button.tsx';
import './ui.css';

/**
 * A long server-paged list read one line per entry (the audit log, the mailbox): a bordered list
 * that dims while the next page loads, and the newer/older pager beneath it.
 */
export function LineList({ ordered = false, busy, className, children }: { ordered?: boolean; busy: boolean; className?: string; children: ReactNode }) {
  const List = ordered ? 'ol' : 'ul';
  return (
    <List className={className ? `ui-line-list ui-busy ${className}` : 'ui-line-list ui-busy'} aria-busy={busy}>
      {children}
    </List>
  );
}

export interface PagerLabels {
  newer: string;
  older: string;
  /** "Page 3", for the visible number and the navigation landmark. */
  page: string;
}

/** Newer and older pages; shown only when there is more than one page. `page` counts from 0. */
export function Pager({ page, hasOlder, onPage, labels }: { page: number; hasOlder: boolean; onPage: (page: number) => void; labels: PagerLabels }) {
  if (page === 0 && !hasOlder) return null;
  return (
    <nav className="ui-pager" aria-label={labels.page}>
      <Button variant="secondary" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {labels.newer}
      </Button>
      <span className="ui-pager__number">{labels.page}</span>
      <Button variant="secondary" disabled={!hasOlder} onClick={() => onPage(page + 1)}>
        {labels.older}
      </Button>
    </nav>
  );
}
