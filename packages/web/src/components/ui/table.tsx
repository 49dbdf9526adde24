import type { ReactNode } from 'react';
import { EmptyState } from './empty-state.tsx';
import './ui.css';

export interface TableProps {
  /** The table's <thead> and <tbody>. */
  children: ReactNode;
  /** Names the table for screen readers; shown above it unless captionHidden. */
  caption?: ReactNode;
  captionHidden?: boolean;
  /**
   * Shown instead of the table when set, e.g. `empty={rows.length === 0 ? t('none') : undefined}`,
   * so an empty list says so rather than showing a bare header row.
   */
  empty?: ReactNode;
  /**
   * On a phone each row becomes a card: cells stack and each shows its column name first, taken
   * from the cell's data-label attribute. Without it a wide table scrolls sideways in its frame.
   */
  stackOnPhone?: boolean;
  /** Smaller padding, for tables inside cards. */
  compact?: boolean;
  /** No frame of its own, for a table inside a card. */
  bare?: boolean;
  className?: string;
}

/**
 * A data table in a scrolling frame. Cells take the kit's classes: ui-table__num for numbers
 * (end-aligned, tabular) and ui-table__actions for a row's buttons.
 */
export function Table({ children, caption, captionHidden = false, empty, stackOnPhone = false, compact = false, bare = false, className }: TableProps) {
  if (empty !== undefined && empty !== null && empty !== false) return <EmptyState>{empty}</EmptyState>;
  const frame = ['ui-table-wrap', bare ? 'ui-table-wrap--bare' : ''].filter(Boolean).join(' ');
  const table = ['ui-table', stackOnPhone ? 'ui-table--stack' : '', compact ? 'ui-table--compact' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div className={frame}>
      <table className={table}>
        {caption ? <caption className={captionHidden ? 'ui-visually-hidden' : 'ui-table__caption'}>{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}
