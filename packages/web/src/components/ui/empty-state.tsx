import type { ReactNode } from 'react';
import './ui.css';

/** "Nothing here yet": a quiet dashed box in place of an empty list or table. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="ui-empty">
      <p className="ui-empty__text">{children}</p>
      {action ? <div className="ui-empty__action">{action}</div> : null}
    </div>
  );
}
