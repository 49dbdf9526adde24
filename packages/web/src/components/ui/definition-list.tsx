import type { ReactNode } from 'react';
import './ui.css';

export interface DefinitionItem {
  key?: string;
  term: ReactNode;
  value: ReactNode;
}

export interface DefinitionListProps {
  items: readonly DefinitionItem[];
  /** 'columns': term beside value (a fact sheet); 'stacked': small term above value (a side panel). */
  layout?: 'columns' | 'stacked';
  className?: string;
}

/** Label–value pairs as a <dl>, e.g. a patient's contact details or an appointment's facts. */
export function DefinitionList({ items, layout = 'columns', className }: DefinitionListProps) {
  const classes = ['ui-dl', `ui-dl--${layout}`, className ?? ''].filter(Boolean).join(' ');
  return (
    <dl className={classes}>
      {items.map((item, index) => (
        <div className="ui-dl__row" key={item.key ?? index}>
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
