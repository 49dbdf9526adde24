import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/ui/button.tsx';
import { Card } from '../../../../components/ui/card.tsx';
import { Table } from '../../../../components/ui/table.tsx';

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

const CAP = 5;

/** Long lists (a year of visits, every reminder) show their newest few, and the rest on request. */
export function useCapped<T>(items: readonly T[]): { shown: readonly T[]; more: ReactNode } {
  const { t } = useTranslation('clinical', { keyPrefix: 'record' });
  const [all, setAll] = useState(false);
  if (items.length <= CAP) return { shown: items, more: null };
  return {
    shown: all ? items : items.slice(0, CAP),
    more: (
      <Button variant="ghost" size="sm" className="record-more" aria-expanded={all} onClick={() => setAll(!all)}>
        {all ? t('showFewer') : t('showAll', { count: items.length })}
      </Button>
    ),
  };
}

export interface RecordColumn<T> {
  label: string;
  cell: (row: T) => ReactNode;
  className?: string;
}

/**
 * A section that is one table of the record's history (messages, field changes): newest first,
 * capped with a "show all", stacked into labelled cards on a phone.
 */
export function RecordTableSection<T extends { id: string | number }>({
  id,
  title,
  rows,
  none,
  columns,
  rowAttributes,
}: {
  id: string;
  title: string;
  rows: readonly T[];
  none: string;
  columns: readonly RecordColumn<T>[];
  rowAttributes?: (row: T) => Record<`data-${string}`, string>;
}) {
  const { shown, more } = useCapped(rows);
  return (
    <RecordSection id={id} title={title}>
      <Table stackOnPhone compact bare caption={title} captionHidden empty={rows.length === 0 ? none : undefined}>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.id} {...rowAttributes?.(row)}>
              {columns.map((c) => (
                <td key={c.label} data-label={c.label} className={c.className}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </Table>
      {more}
    </RecordSection>
  );
}
