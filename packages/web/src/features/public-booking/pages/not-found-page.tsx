import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../components/ui/button.tsx';
import { PageHeader } from '../../../components/ui/page-header.tsx';

export function NotFoundPage() {
  const { t } = useTranslation('booking');
  return (
    <div className="pb-page pb-narrow">
      <PageHeader title={t('notFound.title')} subtitle={t('notFound.body')} />
      <ButtonLink to="/">{t('notFound.home')}</ButtonLink>
    </div>
  );
}
