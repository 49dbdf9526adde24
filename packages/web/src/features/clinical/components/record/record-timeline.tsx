import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../../../components/ui/empty-state.tsx';
import { MutedText } from '../../../../components/ui/muted-text.tsx';
import { Tag } from '../../../../components/ui/tag.tsx';
import { useClinicTimeZone } from '../../../../lib/clinic-time/clinic-time-context.tsx';
import { formatDay, formatInstant } from '../../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../../lib/i18n/language.ts';
import type { PatientRecordDto } from '../../api/clinical-api.ts';
import { buildTimeline, type TimelineItem } from './build-timeline.ts';

/** The whole record as one dated list, newest first. */
export function RecordTimeline({ record, now }: { record: PatientRecordDto; now: number }) {
  const { t } = useTranslation('clinical');
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const items = buildTimeline(record);
  if (items.length === 0) return <EmptyState>{t('record.timelineEmpty')}</EmptyState>;

  const sentence = (item: TimelineItem): string => {
    const params: Record<string, string> = { ...item.params };
    for (const [key, text] of Object.entries(item.localized ?? {})) params[key] = text[language];
    // Coded values read in the page's language.
    if (item.kind === 'screening' && params['outcome']) params['outcome'] = t(`record.intake.outcome.${params['outcome'] as 'proceed'}`);
    if (item.kind === 'review' && params['decision']) params['decision'] = t(`record.intake.decision.${params['decision'] as 'clear'}`);
    if (item.kind === 'change' && params['field']) params['field'] = t(`record.fields.${params['field'] as 'name'}`);
    return t(`record.events.${item.kind}`, { ...params, defaultValue: item.kind });
  };

  return (
    <ol className="record-timeline" aria-label={t('record.timeline')}>
      {items.map((item) => {
        const upcoming = item.kind === 'visit' && Date.parse(item.at) >= now;
        return (
          <li key={item.key} className="record-timeline__item" data-kind={item.kind}>
            <span className="record-timeline__when">
              {item.dayOnly ? formatDay(item.at, language, 'medium') : formatInstant(item.at, timeZone, language, 'medium')}
            </span>
            <span className="record-timeline__what">
              {item.href ? <Link to={item.href}>{sentence(item)}</Link> : <bdi>{sentence(item)}</bdi>}{' '}
              {upcoming && <Tag tone="info">{t('record.upcomingTag')}</Tag>}
              {item.kind === 'referral' && <Tag tone="danger">{t('record.referrals.title')}</Tag>}
              {item.status && item.kind === 'visit' && !upcoming && (
                <MutedText as="span" size="sm">
                  {t(`patient.status.${item.status as 'confirmed'}`, { defaultValue: item.status })}
                </MutedText>
              )}
              {item.status && item.kind === 'message' && (
                <MutedText as="span" size="sm">
                  {t(`record.messages.status.${item.status as 'sent'}`, { defaultValue: item.status })}
                </MutedText>
              )}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
