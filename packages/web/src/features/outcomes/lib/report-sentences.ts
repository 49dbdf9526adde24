import type { OutcomeReportOut } from '../api/outcomes-api.ts';
import { formatNumber, formatPercent } from './format-figures.ts';

/** A sentence of the report: its key under `report.sentences` and the figures it names, formatted for the reader. */
export type Sentence =
  | { key: 'successRate'; values: { numerator: string; denominator: string; count: number } }
  | { key: 'successRateNone' | 'median' | 'breakdown'; values: Record<string, never> }
  | { key: 'interval'; values: { low: string; high: string } }
  | { key: 'groups'; values: { droppedOut: string; weeks: string; droppedImproved: string; noFollowUp: string; inCare: string } }
  | { key: 'timeToChange'; values: { n: string; days: string } };

/**
 * The plain-words sentence under each figure of the outcome report: what the figure means and what
 * it does not. The arithmetic is the server's (summarise-outcomes.ts); this only picks the sentence
 * and fills in the report's own numbers, so each sentence states the same denominator as the figure.
 */
export function reportSentences(report: OutcomeReportOut, language: string) {
  const n = (value: number) => formatNumber(value, language);
  const { successRate, groups } = report;
  const success: Sentence =
    successRate.denominator === 0
      ? { key: 'successRateNone', values: {} }
      : { key: 'successRate', values: { numerator: n(successRate.numerator), denominator: n(successRate.denominator), count: successRate.denominator } };
  const interval: Sentence | null = successRate.ci95
    ? { key: 'interval', values: { low: formatPercent(successRate.ci95.low, language), high: formatPercent(successRate.ci95.high, language) } }
    : null;
  return {
    success,
    interval,
    groups: {
      key: 'groups',
      values: {
        droppedOut: n(groups.dropped_out),
        weeks: n(report.dropOutWeeks),
        droppedImproved: n(report.droppedOutImprovedAtLastMeasure),
        noFollowUp: n(groups.no_follow_up),
        inCare: n(groups.in_care),
      },
    } satisfies Sentence,
    median: { key: 'median', values: {} } satisfies Sentence,
    timeToChange:
      report.daysToMeaningfulChange.median === null
        ? null
        : ({
            key: 'timeToChange',
            values: { n: n(report.daysToMeaningfulChange.n), days: n(report.daysToMeaningfulChange.median) },
          } satisfies Sentence),
    breakdown: { key: 'breakdown', values: {} } satisfies Sentence,
  };
}
