import { describe, expect, it } from 'vitest';
import type { OutcomeReportOut } from '../api/outcomes-api.ts';
import { ar } from '../locales/ar.ts';
import { en } from '../locales/en.ts';
import { reportSentences, type Sentence } from './report-sentences.ts';

const groups = { responder: 18, non_responder: 9, no_follow_up: 5, dropped_out: 6, in_care: 2 };
const report = (change: Partial<OutcomeReportOut> = {}): OutcomeReportOut => ({
  period: { from: '2026-01-01', to: '2026-06-30' },
  started: 40,
  groups,
  successRate: { numerator: 18, denominator: 40, rate: 0.45, ci95: { low: 0.3075, high: 0.6018 } },
  droppedOutImprovedAtLastMeasure: 2,
  medianImprovement: [{ instrumentId: 'nprs', n: 27, median: 3 }],
  daysToMeaningfulChange: { n: 18, median: 24.5 },
  breakdowns: { region: [], complaint: [], practitioner: [], visits: [] },
  dropOutWeeks: 6,
  ...change,
});

/** The sentence as i18next would write it: the plural form for `count`, then {{name}} filled in. */
function write(locale: typeof en.report.sentences, sentence: Sentence, plural: 'one' | 'other' = 'other'): string {
  const texts = locale as Record<string, string>;
  const text = texts[sentence.key] ?? texts[`${sentence.key}_${plural}`] ?? '';
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String((sentence.values as Record<string, unknown>)[name]));
}

describe('reportSentences', () => {
  it('states the success rate over everyone who started, in the words the issue asks for', () => {
    const { success } = reportSentences(report(), 'en');
    expect(write(en.report.sentences, success)).toBe(
      '18 of 40 patients who started care in this period improved by at least the minimal important change on their main measure. Patients who stopped coming, or had no follow-up measure, count as not improved.',
    );
    expect(success).toMatchObject({ values: { count: 40 } });
  });

  it('takes the denominator from the report, not from the improved plus not improved', () => {
    // 18 + 9 = 27 had a follow-up; the sentence must still say 40.
    const { success } = reportSentences(report(), 'en');
    expect(success.values).toMatchObject({ numerator: '18', denominator: '40' });
  });

  it('says there is no rate, rather than 0%, when no one started care', () => {
    const empty = report({
      started: 0,
      groups: { responder: 0, non_responder: 0, no_follow_up: 0, dropped_out: 0, in_care: 0 },
      successRate: { numerator: 0, denominator: 0, rate: null, ci95: null },
    });
    const sentences = reportSentences(empty, 'en');
    expect(sentences.success.key).toBe('successRateNone');
    expect(sentences.interval).toBeNull();
  });

  it('gives the Wilson interval as whole percentages', () => {
    const { interval } = reportSentences(report(), 'en');
    expect(interval && write(en.report.sentences, interval)).toContain('between 31% and 60% (Wilson 95% interval)');
  });

  it('names the drop-outs, those without follow-up and those still in care as groups of their own', () => {
    const { groups: sentence } = reportSentences(report(), 'en');
    const text = write(en.report.sentences, sentence);
    expect(text).toContain('no visit or contact for 6 weeks): 6.');
    expect(text).toContain('had improved (2)');
    expect(text).toContain('No follow-up measure: 5;');
    expect(text).toContain('Still in care: 2;');
  });

  it('has no time-to-change sentence when no one reached a meaningful change', () => {
    expect(reportSentences(report({ daysToMeaningfulChange: { n: 0, median: null } }), 'en').timeToChange).toBeNull();
    const { timeToChange } = reportSentences(report(), 'en');
    expect(timeToChange && write(en.report.sentences, timeToChange)).toContain('(18), half did so within 24.5 days');
  });

  it('fills the Arabic sentence with the same figures', () => {
    const { success } = reportSentences(report(), 'ar');
    const text = write(ar.report.sentences as typeof en.report.sentences, success);
    expect(text).toContain('40');
    expect(text).toContain('18');
    expect(text).not.toMatch(/\{\{/);
  });
});
