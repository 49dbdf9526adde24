import { Route } from 'react-router';
import { lazyPage, loadedBeforeNavigation } from '../../lib/lazy-page.ts';

// Each page loads on demand, with its text, before the router shows it (lib/lazy-page.ts).
const LibraryPage = lazyPage(() => import('./pages/library-page.tsx'), 'LibraryPage', ['education', 'errors']);
const ArticleEditorPage = lazyPage(() => import('./pages/article-editor-page.tsx'), 'ArticleEditorPage', ['education', 'errors']);
const QuestionsPage = lazyPage(() => import('./pages/questions-page.tsx'), 'QuestionsPage', ['education', 'errors']);

/** The education library's staff screens: for app.tsx to place inside the staff frame. */
export const educationRoutes = [
  <Route key="education-library" path="/staff/library" element={<LibraryPage />} {...loadedBeforeNavigation(LibraryPage)} />,
  <Route key="education-editor" path="/staff/library/:slug/:lang" element={<ArticleEditorPage />} {...loadedBeforeNavigation(ArticleEditorPage)} />,
  <Route key="education-questions" path="/staff/questions" element={<QuestionsPage />} {...loadedBeforeNavigation(QuestionsPage)} />,
];
