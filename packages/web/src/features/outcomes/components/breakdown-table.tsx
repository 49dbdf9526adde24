import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '../../../components/ui/table.tsx';
import { useLanguage } from '../../../lib/i18n/language.ts';
import type { OutcomeReportOut } from '../api/outcomes-api.ts';
import { formatNumber, formatPercent } from '../lib/format-figures.ts';

type Row = OutcomeReportOut['breakdowns']['region'][number];

/** One breakdown of the report: each group's patients started, its other groups, and its success rate with the interval. */
export function BreakdownTable({ caption, rows, label }: { caption: string; rows: readonly Row[]; label(key: string): ReactNode }) {
  const { t } = useTranslation('outcomes');
  const language = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  return (
    <Table caption={caption} stackOnPhone compact>
      <thead>
        <tr>
          <th scope="col">{t('report.column.key')}</th>
          <th scope="col">{t('report.column.started')}</th>
          <th scope="col">{t('report.column.responder')}</th>
          <th scope="col">{t('report.column.dropped_out')}</th>
          <th scope="col">{t('report.column.no_follow_up')}</th>
          <th scope="col">{t('report.column.rate')}</th>
          <th scope="col">{t('report.column.ci')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row" data-label={t('report.column.key')}>
              {label(row.key)}
            </th>
            <td className="ui-table__num" data-label={t('report.column.started')}>
              {n(row.started)}
            </td>
            <td className="ui-table__num" data-label={t('report.column.responder')}>
              {n(row.groups.responder)}
            </td>
            <td className="ui-table__num" data-label={t('report.column.dropped_out')}>
              {n(row.groups.dropped_out)}
            </td>
            <td className="ui-table__num" data-label={t('report.column.no_follow_up')}>
              {n(row.groups.no_follow_up)}
            </td>
            <td className="ui-table__num" data-label={t('report.column.rate')}>
              {row.successRate.rate !== null ? formatPercent(row.successRate.rate, language) : t('report.noRate')}
            </td>
            <td className="ui-table__num" data-label={t('report.column.ci')}>
              {row.successRate.ci95
                ? `${formatPercent(row.successRate.ci95.low, language)}–${formatPercent(row.successRate.ci95.high, language)}`
                : t('report.noRate')}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
