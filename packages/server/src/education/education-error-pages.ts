import type { ClinicOut } from '@myomap/contract/catalog/catalog.schemas';
import { escapeHtml as e } from '../lib/html-text.ts';
import { frame, localPath, type EducationPage, type Lang } from './education-pages.ts';
import { EDUCATION_TEXT } from './education-text.ts';

/**
 * The library's own answers for a reader's browser when there is no page to show: an unknown
 * article (404) and a question form posted too often (429). Same frame and language as the other
 * pages, with the way back to the library; the caller sets the status. No JSON-LD: nothing to index.
 */
export function renderNotFound(clinic: ClinicOut, lang: Lang, path: string): EducationPage {
  const t = EDUCATION_TEXT[lang];
  return errorPage(clinic, lang, path, t.notFoundTitle, t.notFoundLead, t.notFoundBack);
}

export function renderTooManyQuestions(clinic: ClinicOut, lang: Lang, path: string): EducationPage {
  const t = EDUCATION_TEXT[lang];
  return errorPage(clinic, lang, path, t.tooManyTitle, t.tooManyLead, t.tooManyBack);
}

function errorPage(clinic: ClinicOut, lang: Lang, path: string, title: string, lead: string, back: string): EducationPage {
  const main = `<h1>${e(title)}</h1><p class="edu-lead">${e(lead)}</p><p><a class="edu-button" href="${e(localPath('/learn', lang))}">${e(back)}</a></p>`;
  return { path, html: frame(clinic, lang, path, main), title: `${title} · ${clinic.name[lang] || clinic.name.en}`, description: lead, jsonLd: [] };
}
