import { useTranslation } from 'react-i18next';
import { useClinicTimeZone } from '../../../lib/clinic-time/clinic-time-context.tsx';
import { formatDay, formatInstant, localeFor } from '../../../lib/clinic-time/clinic-time.ts';
import { isKeyOf } from '../../../lib/i18n/keys.ts';
import { describeChanges, type ShownValue } from './describe-changes.ts';
import { en } from './locales/en.ts';

/** A field the locale does not name yet, as words: "holdExpiresAt" → "hold expires at". */
const spelledOut = (field: string) =>
  field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();

/** An entry's before/after as field changes ("Phone: 050… → 055…"), folded until asked for. */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation('audit');
  const changes = describeChanges(before, after);
  if (changes.length === 0) return null;
  return (
    <details className="au-changes">
      <summary>{t('showChanges', { count: changes.length })}</summary>
      <dl>
        {changes.map((change) => (
          <div key={change.field} className="au-change">
            <dt>{isKeyOf(en.fields, change.field) ? t(`fields.${change.field}`) : <span lang="en">{spelledOut(change.field)}</span>}</dt>
            <dd>
              {change.before ? <Value value={change.before} /> : null}
              {change.before && change.after ? <span className="au-arrow"> {t('arrow')} </span> : null}
              {change.after ? <Value value={change.after} /> : null}
              {!change.before && change.after ? <span className="au-muted"> ({t('added')})</span> : null}
              {change.before && !change.after ? <span className="au-muted"> ({t('removed')})</span> : null}
            </dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function Value({ value }: { value: ShownValue }) {
  const { t, i18n } = useTranslation('audit');
  const timeZone = useClinicTimeZone();
  switch (value.kind) {
    case 'text':
      // Staff-typed text, in whichever language it was typed: isolated so it does not reorder the line.
      return <bdi className="au-value">{value.text}</bdi>;
    case 'instant':
      return <span className="au-value">{formatInstant(value.iso, timeZone, i18n.language, 'dateTimeCompact')}</span>;
    case 'day':
      return <span className="au-value">{formatDay(value.date, i18n.language, 'short')}</span>;
    case 'number':
      return <span className="au-value">{value.value.toLocaleString(localeFor(i18n.language))}</span>;
    case 'boolean':
      return <span className="au-value">{value.value ? t('yes') : t('no')}</span>;
    case 'empty':
      return <span className="au-muted">{t('empty_value')}</span>;
    case 'items':
      return <span className="au-value">{t('itemCount', { count: value.count })}</span>;
    case 'details':
      return <span className="au-muted">{t('changed')}</span>;
  }
}
