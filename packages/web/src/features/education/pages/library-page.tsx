import '../education.css';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can } from '@myomap/domain/access/permissions';
import { Alert } from '../../../components/ui/alert.tsx';
import { ButtonLink } from '../../../components/ui/button.tsx';
import { LoadingState } from '../../../components/ui/loading-state.tsx';
import { PageFrame } from '../../../components/ui/page-frame.tsx';
import { Table } from '../../../components/ui/table.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { useErrorText } from '../../../lib/api/use-error-text.ts';
import { useStaffUser } from '../../../lib/session/use-staff-session.ts';
import { articlesQuery } from '../api/education-queries.ts';

/** /staff/library — every article and language: what readers see, what is being edited, questions waiting. */
export function LibraryPage() {
  const { t } = useTranslation(['education', 'common']);
  const errorText = useErrorText();
  const user = useStaffUser();
  const list = useQuery(articlesQuery);

  useEffect(() => {
    document.title = t('library.title');
  }, [t]);

  return (
    <PageFrame
      title={t('library.title')}
      description={t('library.description')}
      actions={
        can(user.role, 'question.moderate') ? (
          <ButtonLink to="/staff/questions" variant="secondary">
            {t('library.moderation')}
          </ButtonLink>
        ) : undefined
      }
    >
      {list.error ? <Alert tone="error">{errorText(list.error)}</Alert> : null}
      {!list.data ? (
        <LoadingState label={t('common:loading')} />
      ) : (
        <Table stackOnPhone caption={t('library.title')} captionHidden empty={list.data.length === 0 ? t('library.none') : undefined}>
          <thead>
            <tr>
              <th scope="col">{t('library.article')}</th>
              <th scope="col">{t('library.language')}</th>
              <th scope="col">{t('library.published')}</th>
              <th scope="col">{t('library.open')}</th>
              <th scope="col">{t('library.questions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((item) => (
              <tr key={`${item.slug}.${item.lang}`}>
                <td data-label={t('library.article')}>
                  <Link to={`/staff/library/${encodeURIComponent(item.slug)}/${item.lang}`} lang={item.lang} dir={item.lang === 'ar' ? 'rtl' : 'ltr'}>
                    {item.title}
                  </Link>
                </td>
                <td data-label={t('library.language')}>{t(`library.languages.${item.lang}`)}</td>
                <td data-label={t('library.published')}>
                  {item.published ? t('library.reviewed', { version: item.published.version, date: item.published.reviewed }) : t('library.notPublished')}
                </td>
                <td data-label={t('library.open')}>
                  {item.open ? (
                    <Tag tone={item.open.status === 'approved' ? 'success' : 'warning'}>
                      {t('library.version', { version: item.open.version })} · {t(`status.${item.open.status}`)}
                    </Tag>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label={t('library.questions')}>{item.pendingQuestions}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </PageFrame>
  );
}
