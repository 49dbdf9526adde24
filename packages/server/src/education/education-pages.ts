import type { ClinicOut, ServiceOut } from '@myomap/contract/catalog/catalog.schemas';
import { escapeHtml } from '../lib/html-text.ts';
import type { ArticleVersionRow, TeamMemberRow } from '../stores/article-store.ts';
import type { QuestionRow } from '../stores/article-question-store.ts';
import { renderBodyMap } from './body-map.ts';
import { EDUCATION_TEXT } from './education-text.ts';
import { renderMarkdown, splitFaq } from './render-markdown.ts';

/**
 * The education library's public pages as HTML strings (issue 15): /learn, /learn/:slug and /team,
 * in English or Arabic, with a form that works without JavaScript. The head (title, description,
 * canonical, hreflang) is added by lib/web-pages.ts's renderedPage; this module writes #root's
 * markup and the schema.org JSON-LD.
 */
export type Lang = 'en' | 'ar';

export interface EducationPage {
  path: string;
  html: string;
  title: string;
  description: string;
  jsonLd: object[];
}

const e = escapeHtml;

/** An internal address in the page's language: Arabic pages link to Arabic pages without relying on the cookie. */
export function localPath(path: string, lang: Lang, extra = ''): string {
  const query = [lang === 'ar' ? 'lang=ar' : '', extra].filter(Boolean).join('&');
  return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
}

function formatDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'ar' ? 'ar-AE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export function medicalClinic(clinic: ClinicOut, lang: Lang, origin: string): Record<string, unknown> {
  return {
    '@type': 'MedicalClinic',
    name: clinic.name[lang] || clinic.name.en,
    url: `${origin}/`,
    telephone: clinic.phone,
    email: clinic.email,
    address: { '@type': 'PostalAddress', streetAddress: clinic.address[lang] || clinic.address.en },
  };
}

/** The pages' shared header (navigation, language switch), main and footer. */
export function frame(clinic: ClinicOut, lang: Lang, path: string, main: string): string {
  const t = EDUCATION_TEXT[lang];
  const other = t.otherLanguageCode;
  return [
    `<style>${STYLE}</style>`,
    `<a class="edu-skip" href="#main">${e(t.skip)}</a>`,
    `<header class="edu-header"><div class="edu-wrap edu-header__inner">`,
    `<a class="edu-brand" href="${e(localPath('/', lang))}">${e(clinic.name[lang] || clinic.name.en)}</a>`,
    `<nav aria-label="${e(t.nav)}"><ul class="edu-nav">`,
    `<li><a href="${e(localPath('/learn', lang))}"${path.startsWith('/learn') ? ' aria-current="page"' : ''}>${e(t.learn)}</a></li>`,
    `<li><a href="${e(localPath('/team', lang))}"${path === '/team' ? ' aria-current="page"' : ''}>${e(t.team)}</a></li>`,
    `<li><a class="edu-button" href="/book">${e(t.book)}</a></li>`,
    `<li><a href="${e(localPath(path, other))}" hreflang="${other}" lang="${other}">${e(t.otherLanguage)}</a></li>`,
    `</ul></nav></div></header>`,
    `<main id="main" class="edu-wrap">${main}</main>`,
    `<footer class="edu-footer"><div class="edu-wrap"><address><strong>${e(clinic.name[lang] || clinic.name.en)}</strong><br>${e(clinic.address[lang] || clinic.address.en)}<br>`,
    `<a href="tel:${e(clinic.phone.replace(/\s/g, ''))}" dir="ltr">${e(clinic.phone)}</a> · <a href="mailto:${e(clinic.email)}">${e(clinic.email)}</a></address>`,
    `<p>${e(t.notAdvice)}</p></div></footer>`,
  ].join('');
}

export function renderLibrary(clinic: ClinicOut, lang: Lang, origin: string, articles: readonly ArticleVersionRow[]): EducationPage {
  const t = EDUCATION_TEXT[lang];
  const items = articles
    .map((a) => `<li class="edu-card"><h2><a href="${e(localPath(`/learn/${a.slug}`, lang))}">${e(a.title)}</a></h2><p>${e(a.meta.description)}</p></li>`)
    .join('');
  const main = `<h1>${e(t.libraryTitle)}</h1><p class="edu-lead">${e(t.libraryLead)}</p><ul class="edu-cards">${items}</ul>`;
  const url = `${origin}${localPath('/learn', lang)}`;
  return {
    path: '/learn',
    html: frame(clinic, lang, '/learn', main),
    title: `${t.libraryTitle} · ${clinic.name[lang] || clinic.name.en}`,
    description: t.libraryLead,
    jsonLd: [
      {
        '@context': 'https://schema.org',
        '@type': 'CollectionPage',
        name: t.libraryTitle,
        url,
        inLanguage: lang,
        publisher: medicalClinic(clinic, lang, origin),
        hasPart: articles.map((a) => ({ '@type': 'MedicalWebPage', name: a.title, url: `${origin}${localPath(`/learn/${a.slug}`, lang)}` })),
      },
    ],
  };
}

function bookingBlock(article: ArticleVersionRow, lang: Lang, clinic: ClinicOut, services: readonly ServiceOut[]): string {
  const t = EDUCATION_TEXT[lang];
  if (!article.meta.service) return '';
  const service = services.find((s) => s.id === article.meta.service);
  // A service the clinic does not offer online (the physician's review) is arranged by phone.
  const action = service
    ? `<a class="edu-button edu-button--large" href="/book?service=${e(encodeURIComponent(service.id))}">${e(t.bookThis(service.names[lang] || service.name))}</a>`
    : `<p>${e(t.callReception(clinic.phone))} <a class="edu-button" href="tel:${e(clinic.phone.replace(/\s/g, ''))}" dir="ltr">${e(clinic.phone)}</a></p>`;
  return `<aside class="edu-book" aria-labelledby="book-heading"><h2 id="book-heading">${e(t.bookingHeading)}</h2>${action}</aside>`;
}

function questionsBlock(article: ArticleVersionRow, lang: Lang, questions: readonly QuestionRow[], notice: 'asked' | 'invalid' | undefined): string {
  const t = EDUCATION_TEXT[lang];
  const list =
    questions.length === 0
      ? `<p class="edu-muted">${e(t.noQuestions)}</p>`
      : `<ol class="edu-qa">${questions
          .map(
            (q) =>
              `<li><p class="edu-qa__q"><strong>${e(q.name ?? '')}</strong>${q.name ? ': ' : ''}${e(q.question)}</p><p class="edu-qa__a"><strong>${e(t.answerBy)}:</strong> ${e(q.answer ?? '')}</p></li>`,
          )
          .join('')}</ol>`;
  const status = notice ? `<p class="edu-notice" role="status">${e(notice === 'asked' ? t.asked : t.invalid)}</p>` : '';
  const form = [
    `<form class="edu-form" method="post" action="${e(localPath(`/learn/${article.slug}/questions`, lang))}">`,
    `<input type="hidden" name="lang" value="${lang}">`,
    `<p class="edu-muted">${e(t.askLead)}</p>`,
    `<label for="q-name">${e(t.name)}</label><input id="q-name" name="name" maxlength="100" autocomplete="name">`,
    `<label for="q-email">${e(t.email)}</label><input id="q-email" name="email" type="email" maxlength="254" required autocomplete="email" dir="ltr">`,
    `<label for="q-question">${e(t.question)}</label><textarea id="q-question" name="question" maxlength="2000" rows="5" required></textarea>`,
    `<div class="edu-hp" aria-hidden="true"><label for="q-website">${e(t.website)}</label><input id="q-website" name="website" tabindex="-1" autocomplete="off"></div>`,
    `<p class="edu-check"><input id="q-consent" name="consent" type="checkbox" value="yes" required><label for="q-consent">${e(t.consent)}</label></p>`,
    `<button class="edu-button" type="submit">${e(t.send)}</button></form>`,
  ].join('');
  return `<section id="questions" aria-labelledby="questions-heading"><h2 id="questions-heading">${e(t.questionsHeading)}</h2>${list}<h3>${e(t.askHeading)}</h3>${status}${form}</section>`;
}

export function renderArticle(
  clinic: ClinicOut,
  services: readonly ServiceOut[],
  lang: Lang,
  origin: string,
  article: ArticleVersionRow,
  questions: readonly QuestionRow[],
  notice: 'asked' | 'invalid' | undefined,
): EducationPage {
  const t = EDUCATION_TEXT[lang];
  const path = `/learn/${article.slug}`;
  const url = `${origin}${localPath(path, lang)}`;
  const sources = article.meta.sources
    .map((s) => {
      const by = [s.authors, s.publisher, s.year].filter((part) => part !== undefined && part !== '').join(', ');
      const title = s.url ? `<a href="${e(s.url)}" rel="noopener">${e(s.title)}</a>` : `<cite>${e(s.title)}</cite>`;
      return `<li>${title}${by ? `. ${e(by)}` : ''}</li>`;
    })
    .join('');
  const main = [
    `<article class="edu-article"><h1>${e(article.title)}</h1>`,
    `<p class="edu-reviewed"><time datetime="${e(article.meta.reviewed)}">${e(t.reviewedOn(formatDate(article.meta.reviewed, lang), article.meta.reviewer, article.meta.reviewerRole))}</time></p>`,
    `<div class="edu-body">${renderMarkdown(article.body)}</div>`,
    article.meta.bodyMap ? renderBodyMap(lang) : '',
    bookingBlock(article, lang, clinic, services),
    `<section aria-labelledby="sources-heading"><h2 id="sources-heading">${e(t.sources)}</h2><ol class="edu-sources">${sources}</ol></section>`,
    `</article>`,
    questionsBlock(article, lang, questions, notice),
  ].join('');
  const webPage: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'MedicalWebPage',
    name: article.title,
    headline: article.title,
    description: article.meta.description,
    url,
    inLanguage: lang,
    lastReviewed: article.meta.reviewed,
    reviewedBy: { '@type': 'Person', name: article.meta.reviewer, jobTitle: article.meta.reviewerRole },
    audience: { '@type': 'MedicalAudience', audienceType: 'Patient' },
    citation: article.meta.sources.map((s) => ({
      '@type': 'CreativeWork',
      name: s.title,
      ...(s.authors ? { author: s.authors } : {}),
      ...(s.publisher ? { publisher: s.publisher } : {}),
      ...(s.year ? { datePublished: String(s.year) } : {}),
      ...(s.url ? { url: s.url } : {}),
    })),
    publisher: medicalClinic(clinic, lang, origin),
  };
  const faq = article.meta.kind === 'faq' ? splitFaq(article.body) : [];
  const jsonLd: object[] = [webPage];
  if (faq.length > 0) {
    jsonLd.push({
      '@context': 'https://schema.org',
      '@type': 'FAQPage',
      url,
      inLanguage: lang,
      mainEntity: faq.map((q) => ({ '@type': 'Question', name: q.question, acceptedAnswer: { '@type': 'Answer', text: q.answer } })),
    });
  }
  return {
    path,
    html: frame(clinic, lang, path, main),
    title: `${article.title} · ${clinic.name[lang] || clinic.name.en}`,
    description: article.meta.description,
    jsonLd,
  };
}

export function renderTeam(clinic: ClinicOut, lang: Lang, origin: string, team: readonly TeamMemberRow[]): EducationPage {
  const t = EDUCATION_TEXT[lang];
  const languageName = (code: string) => t.languageNames[code] ?? code;
  const people = team
    .map((p) =>
      [
        `<li class="edu-card"><h2>${e(p.name[lang] || p.name.en)}</h2><p>${e(p.title[lang] || p.title.en)}</p>`,
        p.bio[lang] ? `<p>${e(p.bio[lang])}</p>` : '',
        `<dl>`,
        p.qualifications[lang] ? `<dt>${e(t.qualifications)}</dt><dd>${e(p.qualifications[lang])}</dd>` : '',
        p.languages.length > 0 ? `<dt>${e(t.languages)}</dt><dd>${e(p.languages.map(languageName).join(lang === 'ar' ? '، ' : ', '))}</dd>` : '',
        `</dl></li>`,
      ].join(''),
    )
    .join('');
  const main = `<h1>${e(t.teamTitle)}</h1><p class="edu-lead">${e(t.teamLead)}</p><ul class="edu-cards">${people}</ul>`;
  return {
    path: '/team',
    html: frame(clinic, lang, '/team', main),
    title: `${t.teamTitle} · ${clinic.name[lang] || clinic.name.en}`,
    description: t.teamLead,
    jsonLd: [
      {
        '@context': 'https://schema.org',
        ...medicalClinic(clinic, lang, origin),
        member: team.map((p) => ({
          '@type': p.kind === 'physician' ? 'Physician' : 'Person',
          name: p.name[lang] || p.name.en,
          jobTitle: p.title[lang] || p.title.en,
          ...(p.languages.length > 0 ? { knowsLanguage: p.languages } : {}),
          ...(p.qualifications[lang] ? { description: p.qualifications[lang] } : {}),
        })),
      },
    ],
  };
}

/** The pages' own styles: small, inline (the CSP allows inline styles, not scripts), colours with WCAG AA contrast. */
const STYLE = `
.edu-wrap{max-width:46rem;margin:0 auto;padding:0 1rem}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Naskh Arabic",sans-serif;line-height:1.6;color:#1d2a2a;background:#fbfaf7}
.edu-skip{position:absolute;inset-inline-start:-999px}.edu-skip:focus{inset-inline-start:1rem;top:1rem;background:#fff;padding:.5rem;z-index:2}
.edu-header{background:#fff;border-bottom:1px solid #d9dedd}
.edu-header__inner{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem;padding-block:.75rem}
.edu-brand{font-weight:700;color:#1f4e4a;text-decoration:none;font-size:1.1rem}
.edu-nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0;align-items:center}
.edu-nav a{color:#1f4e4a;padding:.5rem 0;display:inline-block}
.edu-nav a[aria-current=page]{font-weight:700}
a{color:#1b5c57}
.edu-button{display:inline-block;background:#1f5f5a;color:#fff!important;padding:.6rem 1rem!important;border-radius:.4rem;text-decoration:none;border:0;font:inherit;cursor:pointer;min-height:44px;box-sizing:border-box}
.edu-button--large{font-size:1.1rem}
.edu-button:focus-visible,a:focus-visible,summary:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #b35c00;outline-offset:2px}
h1{font-size:1.8rem;line-height:1.25;color:#16302e}h2{font-size:1.35rem;margin-top:2rem}
.edu-lead{font-size:1.1rem}
.edu-muted,.edu-reviewed{color:#4a5756}
.edu-cards{list-style:none;padding:0;display:grid;gap:1rem}
.edu-card{background:#fff;border:1px solid #d9dedd;border-radius:.5rem;padding:1rem}
.edu-card h2{margin:0 0 .25rem;font-size:1.2rem}
.edu-card dt{font-weight:600}.edu-card dd{margin:0 0 .5rem}
.edu-book{background:#eef5f4;border-radius:.5rem;padding:1rem;margin-top:2rem}
.edu-book h2{margin-top:0}
.edu-map__regions,.edu-map__zones{list-style:none;padding:0}
.edu-map__region{font-size:1.05rem;margin:1rem 0 .25rem}
.edu-map details{border:1px solid #d9dedd;border-radius:.4rem;background:#fff;margin:.25rem 0}
.edu-map summary{padding:.6rem .75rem;cursor:pointer;min-height:44px;box-sizing:border-box}
.edu-map details ul{margin:0;padding:.25rem 2rem .25rem}
.edu-map details:has(:target){border-color:#b35c00;box-shadow:0 0 0 2px #b35c00}
.edu-map__muscles{scroll-margin-top:4rem}.edu-map__back{margin:0;padding:0 .75rem .5rem}
.edu-map__figure-box{margin:1rem 0}.edu-map__figure-box figcaption{color:#4a5756;font-size:.95rem}
.edu-map__views{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem;max-width:30rem;margin:0 auto}
.edu-map__view-name{margin:0;text-align:center;font-weight:600}
.edu-map svg{display:block;width:100%;height:auto}
.edu-map svg text{font-size:13px;fill:#4a5756}
.edu-map__figure{fill:#f3ede4;stroke:#8c7f70;stroke-width:1}.edu-map__hair{fill:#d8cbb8}
.edu-map__zone ellipse,.edu-map__zone path{fill:#e3a04a;fill-opacity:.6;stroke:#8a4b00;stroke-width:.6}
.edu-map__zone:hover ellipse,.edu-map__zone:focus ellipse{fill:#b35c00;fill-opacity:.95;stroke:#16302e;stroke-width:1.5}
.edu-map__zone:focus{outline:none}
.edu-map__sources{font-size:.9rem}
.edu-qa{padding:0;list-style:none}.edu-qa li{border-top:1px solid #d9dedd;padding:.75rem 0}
.edu-qa__a{margin-inline-start:1rem}
.edu-form{display:grid;gap:.35rem;max-width:32rem}
.edu-form input:not([type=checkbox]),.edu-form textarea{font:inherit;padding:.5rem;border:1px solid #6b7776;border-radius:.3rem;min-height:44px;box-sizing:border-box}
.edu-check{display:flex;gap:.5rem;align-items:flex-start}.edu-check input{width:1.25rem;height:1.25rem;margin-top:.25rem}
.edu-hp{position:absolute;inset-inline-start:-9999px;width:1px;height:1px;overflow:hidden}
.edu-notice{background:#fff7e0;border:1px solid #b38600;padding:.75rem;border-radius:.4rem}
.edu-footer{margin-top:3rem;border-top:1px solid #d9dedd;background:#fff;padding:1rem 0;color:#3c4948}
.edu-footer address{font-style:normal}
`;
