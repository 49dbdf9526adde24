import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MutedText } from '../../../../components/ui/muted-text.tsx';
import { Tag } from '../../../../components/ui/tag.tsx';
import { useErrorText } from '../../../../lib/api/use-error-text.ts';
import { formatInstant } from '../../../../lib/clinic-time/clinic-time.ts';
import { useClinicTimeZone } from '../../../../lib/clinic-time/clinic-time-context.tsx';
import { useLanguage } from '../../../../lib/i18n/language.ts';
import { clinicalApi, type DocumentDto } from '../../api/clinical-api.ts';
import { RecordSection, useCapped } from './record-section.tsx';

/**
 * Letters and results: every stored document of the patient's (referral letters, result reports,
 * acknowledgements and discharge summaries to referring doctors), newest first, each downloadable as
 * stored (the server checks it against its SHA-256 and audits the read).
 */
export function DocumentsSection({ patientId }: { patientId: string }) {
  const { t } = useTranslation('clinical', { keyPrefix: 'record.documents' });
  const errorText = useErrorText();
  const language = useLanguage();
  const timeZone = useClinicTimeZone();
  const documents = useQuery({ queryKey: ['patients', patientId, 'documents'], queryFn: () => clinicalApi.documents(patientId) });
  const { shown, more } = useCapped<DocumentDto>(documents.data ?? []);
  return (
    <RecordSection id="documents" title={t('title')}>
      {documents.isError ? <MutedText>{errorText(documents.error)}</MutedText> : null}
      {documents.data?.length === 0 ? <MutedText>{t('none')}</MutedText> : null}
      {shown.length > 0 ? (
        <ul className="record-list" data-testid="patient-documents">
          {shown.map((document) => (
            <li key={document.id} className="record-row" data-document-kind={document.kind}>
              <div className="record-row__main">
                <a href={`/api/staff/documents/${encodeURIComponent(document.id)}`} target="_blank" rel="noreferrer">
                  {t(`kind.${document.kind}`)}
                </a>
                <bdi>{document.title}</bdi>
                <MutedText as="span" size="sm">
                  {formatInstant(document.createdAt, timeZone, language, 'medium')}
                </MutedText>
              </div>
              {document.language ? <Tag>{t(`language.${document.language}`)}</Tag> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {more}
    </RecordSection>
  );
}
