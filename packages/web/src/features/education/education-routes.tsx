import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route } from 'react-router';
import { LoadingState } from '../../components/ui/loading-state.tsx';

const LibraryPage = lazy(() => import('./pages/library-page.tsx').then((m) => ({ default: m.LibraryPage })));
const ArticleEditorPage = lazy(() => import('./pages/article-editor-page.tsx').then((m) => ({ default: m.ArticleEditorPage })));
const QuestionsPage = lazy(() => import('./pages/questions-page.tsx').then((m) => ({ default: m.QuestionsPage })));

function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return <Suspense fallback={<LoadingState label={t('loading')} />}>{children}</Suspense>;
}

const page = (key: string, path: string, element: ReactNode) => <Route key={key} path={path} element={<Loading>{element}</Loading>} />;

/** The education library's staff screens: for app.tsx to place inside the staff frame. */
export const educationRoutes = [
  page('education-library', '/staff/library', <LibraryPage />),
  page('education-editor', '/staff/library/:slug/:lang', <ArticleEditorPage />),
  page('education-questions', '/staff/questions', <QuestionsPage />),
];
