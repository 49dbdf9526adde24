import { useTranslation } from 'react-i18next';
import { MutedText } from '../../../../components/ui/muted-text.tsx';
import { Table } from '../../../../components/ui/table.tsx';
import { Tag, type TagTone } from '../../../../components/ui/tag.tsx';
import { useClinicTimeZone } from '../../../../lib/clinic-time/clinic-time-context.tsx';
import { formatInstant } from '../../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../../lib/i18n/language.ts';
import type { PatientRecordDto } from '../../api/clinical-api.ts';
import { DemographicValue } from './demographic-value.tsx';
import { RecordSection, useCapped } from './record-section.tsx';

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
  const { shown, more } = useCapped(messages);
  return (
    <RecordSection id="messages" title={t('title')}>
      <Table stackOnPhone compact bare caption={t('title')} captionHidden empty={messages.length === 0 ? t('none') : undefined}>
        <thead>
          <tr>
            <th scope="col">{t('columns.when')}</th>
            <th scope="col">{t('columns.kind')}</th>
            <th scope="col">{t('columns.subject')}</th>
            <th scope="col">{t('columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <tr key={m.id}>
              <td data-label={t('columns.when')}>{when(m.at)}</td>
              <td data-label={t('columns.kind')}>{t(`kind.${m.kind}`, { defaultValue: m.kind })}</td>
              <td data-label={t('columns.subject')}>
                <bdi>{m.subject}</bdi>
              </td>
              <td data-label={t('columns.status')}>
                <Tag tone={MESSAGE_TONE[m.status] ?? 'neutral'}>{t(`status.${m.status}`, { defaultValue: m.status })}</Tag>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {more}
    </RecordSection>
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
  const { shown, more } = useCapped(changes);
  return (
    <RecordSection id="changes" title={t('changes.title')}>
      <Table stackOnPhone compact bare caption={t('changes.title')} captionHidden empty={changes.length === 0 ? t('changes.none') : undefined}>
        <thead>
          <tr>
            <th scope="col">{t('changes.columns.when')}</th>
            <th scope="col">{t('changes.columns.who')}</th>
            <th scope="col">{t('changes.columns.field')}</th>
            <th scope="col">{t('changes.columns.change')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((c) => (
            <tr key={c.id} data-field={c.field}>
              <td data-label={t('changes.columns.when')}>{when(c.at)}</td>
              <td data-label={t('changes.columns.who')}>{c.source === 'intake' ? t('changes.byIntake') : <bdi>{c.by ?? t('changes.unknownStaff')}</bdi>}</td>
              <td data-label={t('changes.columns.field')}>{t(`fields.${c.field}`)}</td>
              <td data-label={t('changes.columns.change')} className="record-change">
                {c.before === null ? <span className="record-muted">{t('changes.empty')}</span> : <DemographicValue field={c.field} value={c.before} />}
                <span aria-hidden="true"> {t('changes.arrow')} </span>
                <span className="ui-visually-hidden"> {t('changes.to')} </span>
                {c.after === null ? <span className="record-muted">{t('changes.empty')}</span> : <DemographicValue field={c.field} value={c.after} />}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
      {more}
    </RecordSection>
  );
}
