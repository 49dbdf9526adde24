import type {
  ArticleDraftIn,
  ArticleListItemOut,
  ArticleVersionOut,
  ArticleVersionSummaryOut,
  ArticleWithdrawalOut,
  ModerateQuestionIn,
  QuestionOut,
} from '@myomap/contract/education/education.schemas';
import { api } from '../../../lib/api/api-client.ts';

/** The education library's staff routes (packages/server/src/routes/education); types from the contract. */
export type { ArticleDraftIn, ArticleListItemOut, ArticleVersionOut, ArticleVersionSummaryOut, ArticleWithdrawalOut, ModerateQuestionIn, QuestionOut };
export type ArticleLang = 'en' | 'ar';
export type ArticleStep = 'submit' | 'approve' | 'publish';

const seg = encodeURIComponent;
const article = (slug: string, lang: ArticleLang) => `/api/staff/articles/${seg(slug)}/${lang}`;

export const educationApi = {
  articles: () => api<ArticleListItemOut[]>('/api/staff/articles'),
  versions: (slug: string, lang: ArticleLang) => api<ArticleVersionSummaryOut[]>(`${article(slug, lang)}/versions`),
  version: (slug: string, lang: ArticleLang, version: number) => api<ArticleVersionOut>(`${article(slug, lang)}/versions/${version}`),
  saveDraft: (slug: string, lang: ArticleLang, body: ArticleDraftIn) => api<ArticleVersionOut>(`${article(slug, lang)}/draft`, { method: 'PUT', body }),
  preview: (body: string) => api<{ html: string }>('/api/staff/articles/preview', { method: 'POST', body: { body } }),
  step: (slug: string, lang: ArticleLang, step: ArticleStep) => api<ArticleVersionOut>(`${article(slug, lang)}/${step}`, { method: 'POST', body: {} }),
  withdraw: (slug: string, lang: ArticleLang, reason: string) =>
    api<ArticleWithdrawalOut>(`${article(slug, lang)}/withdraw`, { method: 'POST', body: { reason } }),
  questions: () => api<QuestionOut[]>('/api/staff/questions'),
  moderate: (id: string, body: ModerateQuestionIn) => api<QuestionOut>(`/api/staff/questions/${seg(id)}/moderate`, { method: 'POST', body }),
};
