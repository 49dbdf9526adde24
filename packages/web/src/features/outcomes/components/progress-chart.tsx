import { useTranslation } from 'react-i18next';
import { CartesianGrid, ComposedChart, Line, ReferenceLine, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { Table } from '../../../components/ui/table.tsx';
import { Tag } from '../../../components/ui/tag.tsx';
import { addDays, formatDay } from '../../../lib/clinic-time/clinic-time.ts';
import { useLanguage } from '../../../lib/i18n/language.ts';
import type { InstrumentOut, Technique } from '../api/outcomes-api.ts';
import { formatNumber } from '../lib/format-figures.ts';
import type { ChartRow, MeasureChart } from '../lib/shape-progress-chart.ts';

interface ProgressChartProps {
  chart: MeasureChart;
  instrument: InstrumentOut;
  startedOn: string;
  /** The shared x axis: day 0 to this day, the same for every chart of the episode. */
  axisEnd: number;
  techniques: readonly Technique[];
  /** Charts with the same id move their tooltips together along the shared time axis. */
  syncId: string;
}

type Row = ChartRow & { visitMark: number | null };

/** A flagged point is larger and ringed, so the flag does not rest on colour alone. */
function Dot(props: { cx?: number; cy?: number; payload?: Row }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload || payload.score === null) return null;
  const flagged = payload.flag !== null;
  return <circle cx={cx} cy={cy} r={flagged ? 6 : 4} className={`oc-dot${payload.flag ? ` oc-dot--${payload.flag}` : ''}`} strokeWidth={flagged ? 3 : 2} />;
}

function VisitMark(props: { cx?: number; cy?: number }) {
  if (props.cx === undefined || props.cy === undefined) return null;
  const { cx, cy } = props;
  return <path d={`M${cx - 5},${cy} L${cx + 5},${cy} L${cx},${cy - 8} Z`} className="oc-visit-mark" />;
}

/** One measure over the episode: the scores, the goal line, and the visits on the same day axis, with a table of the same facts. */
export function ProgressChart({ chart, instrument, startedOn, axisEnd, techniques, syncId }: ProgressChartProps) {
  const { t } = useTranslation('outcomes');
  const language = useLanguage();
  const rtl = language === 'ar';
  const name = instrument.name[language];
  const dayText = (day: number) => formatDay(addDays(startedOn, day), language, 'short');
  const techniqueNames = (ids: readonly string[]) =>
    ids.map((id) => techniques.find((technique) => technique.id === id)?.name[language] ?? id).join(rtl ? '، ' : ', ');
  const rows: Row[] = chart.rows.map((row) => ({ ...row, visitMark: row.techniques ? chart.range.min : null }));
  const scored = chart.rows.filter((row) => row.score !== null);
  const first = scored[0];
  const last = scored.at(-1);
  const visits = chart.rows.filter((row) => row.techniques).length;
  const direction = chart.higherIsBetter ? t('chart.higherBetter') : t('chart.lowerBetter');
  const summaryValues = {
    name,
    count: formatNumber(scored.length, language),
    first: first ? formatDay(first.on, language, 'short') : '',
    last: last ? formatDay(last.on, language, 'short') : '',
    firstScore: first?.score != null ? formatNumber(first.score, language) : '',
    lastScore: last?.score != null ? formatNumber(last.score, language) : '',
    direction,
    visits: formatNumber(visits, language),
  };
  const summary = chart.target
    ? t('chart.summary', { ...summaryValues, target: formatNumber(chart.target.value, language) })
    : t('chart.summaryNoTarget', summaryValues);

  function TooltipBody({ active, payload }: { active?: boolean | undefined; payload?: readonly { payload?: unknown }[] | undefined }) {
    const row = active ? (payload?.[0]?.payload as Row | undefined) : undefined;
    if (!row) return null;
    return (
      <div className="oc-tooltip">
        <strong>{formatDay(row.on, language, 'short')}</strong>
        {row.score !== null ? (
          <div>
            {t('chart.score')}: {formatNumber(row.score, language)}
          </div>
        ) : null}
        {row.flag ? <div>{t(`chart.flag.${row.flag}`)}</div> : null}
        {row.techniques ? <div>{row.techniques.length > 0 ? `${t('chart.visit')}: ${techniqueNames(row.techniques)}` : t('chart.noTechniques')}</div> : null}
      </div>
    );
  }

  return (
    <figure className="oc-chart" data-instrument={instrument.id}>
      <figcaption className="oc-chart__caption">
        <strong>{name}</strong>
        <span className="oc-chart__summary">{summary}</span>
      </figcaption>
      {/* The chart is keyboard-navigable (Recharts' accessibility layer); the table below holds the same facts for a screen reader. */}
      <ComposedChart
        responsive
        className="oc-chart__plot"
        style={{ width: '100%', height: 240 }}
        data={rows}
        syncId={syncId}
        syncMethod="value"
        margin={{ top: 16, right: 16, bottom: 8, left: 16 }}
        title={t('chart.label', { name })}
        desc={summary}
      >
        <CartesianGrid className="oc-grid" strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="day"
          domain={[0, axisEnd]}
          reversed={rtl}
          tickFormatter={(day: number) => dayText(day)}
          allowDecimals={false}
          className="oc-axis"
        />
        <YAxis
          type="number"
          domain={[chart.range.min, chart.range.max]}
          orientation={rtl ? 'right' : 'left'}
          width={40}
          tickFormatter={(value: number) => formatNumber(value, language)}
          className="oc-axis"
        />
        <Tooltip content={(props) => <TooltipBody active={props.active} payload={props.payload} />} />
        {chart.target ? (
          <ReferenceLine
            y={chart.target.value}
            className="oc-goal-line"
            strokeDasharray="6 4"
            label={{ value: t('chart.goalLine', { value: formatNumber(chart.target.value, language) }), position: rtl ? 'insideTopLeft' : 'insideTopRight' }}
          />
        ) : null}
        <Scatter dataKey="visitMark" name={t('chart.visit')} shape={<VisitMark />} isAnimationActive={false} />
        <Line dataKey="score" name={t('chart.score')} connectNulls className="oc-line" dot={<Dot />} activeDot={{ r: 7 }} isAnimationActive={false} />
      </ComposedChart>
      <p className="oc-chart__note">
        {chart.target?.source === 'plan_goal'
          ? t('chart.goalFromPlan')
          : chart.target
            ? t('chart.goalFromMcid', { mcid: formatNumber(instrument.mcid?.value ?? 0, language) })
            : null}{' '}
        {t('chart.flagHint')}
      </p>
      {chart.unscored.length > 0 ? (
        <p className="oc-chart__note">{t('chart.unscored', { dates: chart.unscored.map((on) => formatDay(on, language, 'short')).join(', ') })}</p>
      ) : null}
      <details className="oc-chart__table">
        <summary>{t('chart.table')}</summary>
        <Table compact bare caption={t('chart.label', { name })} captionHidden>
          <thead>
            <tr>
              <th scope="col">{t('chart.date')}</th>
              <th scope="col">{t('chart.score')}</th>
              <th scope="col">{t('chart.change')}</th>
              <th scope="col">{t('chart.techniques')}</th>
            </tr>
          </thead>
          <tbody>
            {chart.rows.map((row, index) => (
              <tr key={`${row.on}-${index}`}>
                <td>{formatDay(row.on, language, 'short')}</td>
                <td className="ui-table__num">{row.score !== null ? formatNumber(row.score, language) : t('chart.none')}</td>
                <td>{row.flag ? <Tag tone={row.flag === 'improved' ? 'success' : 'danger'}>{t(`chart.flag.${row.flag}`)}</Tag> : t('chart.none')}</td>
                <td>{row.techniques ? (row.techniques.length > 0 ? techniqueNames(row.techniques) : t('chart.noTechniques')) : t('chart.none')}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </details>
    </figure>
  );
}
