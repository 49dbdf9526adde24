import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/ui/button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation('booking');
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="pb-page pb-narrow">
      <PageHeader title={t('notFound.title')} subtitle={t('notFound.body')} />
      <ButtonLink to="/">{t('notFound.home')}</ButtonLink>
    </div>
  );
}
