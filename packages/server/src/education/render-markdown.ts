import { extractFaqEntries } from '@myomap/domain/education/parse-article';
import type MarkdownIt from 'markdown-it';
import { loadWhenUsed } from '../lib/load-when-used.ts';

/**
 * Article Markdown to HTML (markdown-it, CommonMark). Raw HTML in the source is not passed through
 * (`html: false`, the article format allows none), so neither a file nor a staff edit can put a
 * script or a style into a public page; links keep only http(s), mailto and relative targets
 * (markdown-it's validateLink already refuses javascript:, vbscript:, file: and most data:).
 */
const markdownIt = loadWhenUsed<typeof MarkdownIt>('markdown-it');
let markdown: MarkdownIt | undefined;

/** The one renderer, made at the first article (markdown-it loads then: lib/load-when-used.ts). */
function renderer(): MarkdownIt {
  if (markdown) return markdown;
  const made = new (markdownIt())({ html: false, linkify: false, typographer: false });
  const defaultLinkOpen = made.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  made.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const href = token?.attrGet('href') ?? '';
    if (token && /^https?:\/\//i.test(href)) token.attrSet('rel', 'noopener');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return (markdown = made);
}

export function renderMarkdown(source: string): string {
  return renderer().render(source);
}

/** A FAQ article's questions with plain-text answers (for the FAQPage JSON-LD); the split is the content validator's. */
export function splitFaq(source: string): { question: string; answer: string }[] {
  return extractFaqEntries(source)
    .map((entry) => ({ question: entry.question, answer: plainText(entry.answer) }))
    .filter((entry) => entry.answer !== '');
}

/** Markdown reduced to its words: what a search engine reads from JSON-LD. */
export function plainText(source: string): string {
  return renderer()
    .render(source)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
