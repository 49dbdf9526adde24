import { useTranslation } from 'react-i18next';
import { MutedText } from '../../../../components/ui/muted-text.tsx';
import { Tag, type TagTone } from '../../../../components/ui/tag.tsx';
import { useClinicTimeZone } from '../../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../../lib/i18n/language.ts';
import type { PatientRecordDto } from '../../api/clinical-api.ts';
import { DemographicValue } from './demographic-value.tsx';
import { RecordSection, RecordTableSection } from './record-section.tsx';

function useWhen() {
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  return (at: string) => formatInstant(at, timeZone, language, 'medium');
}

const MESSAGE_TONE: Record<string, TagTone> = { sent: 'success', pending: 'info', sending: 'info', failed: 'danger', cancelled: 'neutral' };

/** What the clinic sent the patient: kind, subject, status and when (never the body: it carries their links). */
export function MessagesSection({ messages }: { messages: PatientRecordDto['messages'] }) {
  const { t } = useTranslation('clinical', { keyPrefix: 'record.messages' });
  const when = useWhen();
  return (
    <RecordTableSection
      id="messages"
      title={t('title')}
      rows={messages}
      none={t('none')}
      columns={[
        { label: t('columns.when'), cell: (m) => when(m.at) },
        { label: t('columns.kind'), cell: (m) => t(`kind.${m.kind}`, { defaultValue: m.kind }) },
        { label: t('columns.subject'), cell: (m) => <bdi>{m.subject}</bdi> },
        {
          label: t('columns.status'),
          cell: (m) => <Tag tone={MESSAGE_TONE[m.status] ?? 'neutral'}>{t(`status.${m.status}`, { defaultValue: m.status })}</Tag>,
        },
      ]}
    />
  );
}

export function ConsentsSection({ consents }: { consents: PatientRecordDto['consents'] }) {
  const { t } = useTranslation('clinical', { keyPrefix: 'record.consents' });
  const when = useWhen();
  return (
    <RecordSection id="consents" title={t('title')}>
      {consents.length === 0 ? (
        <MutedText>{t('none')}</MutedText>
      ) : (
        <ul className="record-list">
          {consents.map((c) => (
            <li key={c.id} className="record-row">
              <div className="record-row__main">
                <strong>
                  {t('line', { version: c.version })} · {t(`language.${c.language}`)}
                </strong>
                <MutedText as="span" size="sm">
                  {when(c.signedAt)}
                </MutedText>
              </div>
              <Tag tone={c.current ? 'success' : 'neutral'}>{c.current ? t('current') : t('old')}</Tag>
            </li>
          ))}
        </ul>
      )}
    </RecordSection>
  );
}

/** Who changed which field, when, from what to what (the audit log's before and after). */
export function ChangesSection({ changes }: { changes: PatientRecordDto['changes'] }) {
  const { t } = useTranslation('clinical', { keyPrefix: 'record' });
  const when = useWhen();
  const value = (field: (typeof changes)[number]['field'], v: string | null) =>
    v === null ? <span className="record-muted">{t('changes.empty')}</span> : <DemographicValue field={field} value={v} />;
  return (
    <RecordTableSection
      id="changes"
      title={t('changes.title')}
      rows={changes}
      none={t('changes.none')}
      rowAttributes={(c) => ({ 'data-field': c.field })}
      columns={[
        { label: t('changes.columns.when'), cell: (c) => when(c.at) },
        { label: t('changes.columns.who'), cell: (c) => (c.source === 'intake' ? t('changes.byIntake') : <bdi>{c.by ?? t('changes.unknownStaff')}</bdi>) },
        { label: t('changes.columns.field'), cell: (c) => t(`fields.${c.field}`) },
        {
          label: t('changes.columns.change'),
          className: 'record-change',
          cell: (c) => (
            <>
              {value(c.field, c.before)}
              <span aria-hidden="true"> {t('changes.arrow')} </span>
              <span className="ui-visually-hidden"> {t('changes.to')} </span>
              {value(c.field, c.after)}
            </>
          ),
        },
      ]}
    />
  );
}
