import type { ReactNode } from 'react';
import { Card } from '../../../../components/ui/card.tsx';

/** One section of the record: a card with its heading (an anchor for the section links) and an optional link beside it. */
export function RecordSection({ id, title, action, children }: { id: string; title: ReactNode; action?: ReactNode; children: ReactNode }) {
  return (
    <Card as="section" aria-labelledby={`record-${id}`} className="record-card" id={`section-${id}`}>
      <div className="record-card__head">
        <h2 id={`record-${id}`}>{title}</h2>
        {action}
      </div>
      {children}
    </Card>
  );
}
