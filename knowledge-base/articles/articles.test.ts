import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateArticles } from '../../packages/domain/src/education/validate-articles.ts';

// Every real article file, checked by the same validator the server uses (issue 15).
const directory = new URL('./', import.meta.url);
const files = readdirSync(directory)
  .filter((name) => name.endsWith('.md'))
  .map((file) => ({ file, text: readFileSync(new URL(file, directory), 'utf8') }));
const today = new Date().toISOString().slice(0, 10);
const report = validateArticles(files, today);

describe('education articles', () => {
  it('pass the validator: schema, both languages, review date, sources, no forbidden claims', () => {
    expect(report.issues.map((issue) => issue.message)).toEqual([]);
  });

  it('are the six agreed slugs, each in English and Arabic', () => {
    const slugs = [...new Set(report.articles.map((article) => article.slug))].sort();
    expect(slugs).toEqual(['faq', 'first-visit', 'neuromuscular-disorders', 'see-a-doctor-first', 'trigger-points-referred-pain', 'what-is-nmt']);
    expect(report.articles).toHaveLength(12);
  });

  it('are written for patients: about 350 to 700 words in English', () => {
    for (const article of report.articles.filter((a) => a.lang === 'en')) {
      const words = article.body.split(/\s+/).filter((word) => /\w/.test(word)).length;
      expect([article.file, words >= 350 && words <= 700]).toEqual([article.file, true]);
    }
  });

  it('the FAQ has 8 to 12 questions in each language, and the same number in both', () => {
    const counts = report.articles.filter((a) => a.kind === 'faq').map((a) => a.faq.length);
    expect(counts).toHaveLength(2);
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeGreaterThanOrEqual(8);
    expect(counts[0]).toBeLessThanOrEqual(12);
  });

  it('Arabic files use Arabic punctuation, not the Latin comma or question mark, in their text', () => {
    for (const article of report.articles.filter((a) => a.lang === 'ar')) {
      // Latin commas and question marks are fine inside Latin-script words, titles of sources and numbers.
      const arabicLines = article.body.split('\n').filter((line) => /[\u0600-\u06FF]/.test(line));
      const latinPunctuationAfterArabic = arabicLines.filter((line) => /[\u0600-\u06FF][*»)]*\s*[,?;]/.test(line));
      expect([article.file, latinPunctuationAfterArabic]).toEqual([article.file, []]);
    }
  });
});
