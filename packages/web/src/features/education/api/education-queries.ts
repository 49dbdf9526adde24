import { queryOptions } from '@tanstack/react-query';
import { educationApi, type ArticleLang } from './education-api.ts';

/** The education feature's reads; every key starts with 'education'. */
export const articlesQuery = queryOptions({ queryKey: ['education', 'articles'], queryFn: educationApi.articles });
export const versionsQuery = (slug: string, lang: ArticleLang) =>
  queryOptions({ queryKey: ['education', 'versions', slug, lang], queryFn: () => educationApi.versions(slug, lang) });
export const versionQuery = (slug: string, lang: ArticleLang, version: number) =>
  queryOptions({ queryKey: ['education', 'version', slug, lang, version], queryFn: () => educationApi.version(slug, lang, version) });
export const previewQuery = (body: string) =>
  queryOptions({ queryKey: ['education', 'preview', body], queryFn: () => educationApi.preview(body), staleTime: Infinity });
export const questionsQuery = queryOptions({ queryKey: ['education', 'questions'], queryFn: educationApi.questions });
