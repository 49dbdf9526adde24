import { useId, type ReactNode } from 'react';
import { MutedText } from '../../../components/ui/muted-text.tsx';
import type { Side } from '../api/clinical-api.ts';
import { useTranslation } from 'react-i18next';

export function SideSelect({ value, onChange, label }: { value: Side | undefined; onChange: (side: Side | undefined) => void; label?: string }) {
  const { t } = useTranslation('clinical');
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label ?? t('fields.side')}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? undefined : (event.target.value as Side))}>
        <option value="">{t('side.none')}</option>
        <option value="right">{t('side.right')}</option>
        <option value="left">{t('side.left')}</option>
      </select>
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  list,
  multiline,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  list?: string;
  multiline?: boolean;
  placeholder?: string;
}) {
  const id = useId();
  return (
    <div className="field field--grow">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} value={value} rows={3} maxLength={2000} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input id={id} type="text" value={value} list={list} maxLength={200} placeholder={placeholder} onChange={(event) => onChange(event.target.value)} />
      )}
    </div>
  );
}

export function Section({ id, title, children, hint }: { id: string; title: string; children: ReactNode; hint?: string }) {
  return (
    <section className="card" aria-labelledby={`${id}-title`} id={id}>
      <header className="card__header">
        <h2 id={`${id}-title`}>{title}</h2>
      </header>
      {hint && <MutedText size="sm">{hint}</MutedText>}
      {children}
    </section>
  );
}

/** A removable row in a findings list. */
export function FindingRow({ children, onRemove, removeLabel }: { children: ReactNode; onRemove: () => void; removeLabel: string }) {
  return (
    <li className="finding">
      <div className="finding__body">{children}</div>
      <button type="button" className="icon-button" onClick={onRemove} aria-label={removeLabel}>
        ×
      </button>
    </li>
  );
}
