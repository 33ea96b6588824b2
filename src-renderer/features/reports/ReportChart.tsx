/**
 * A report table's chart (its `chart` hint): a line for figures over days (occupancy, ADR), bars
 * for shares (channel mix, complaint categories). Drawn to print in black and white: lines differ
 * by dash pattern, bars by grey shade with a black outline and their values written on them, and
 * every series is named in the legend with its unit, so no meaning rests on colour. No animation,
 * so the screen, a screenshot and the print show the finished chart.
 */
import { BarChart, LineChart } from '@mantine/charts';
import { DateTime } from 'luxon';
import type { ReportTable, ReportValue } from '@shared/contract/reports';
import type { ReportWords } from './report-rows';

const LINE_STYLES = [
  { color: 'dark.9', strokeDasharray: undefined },
  { color: 'gray.7', strokeDasharray: '6 3' },
  { color: 'dark.5', strokeDasharray: '2 2' },
  { color: 'gray.6', strokeDasharray: '8 3 2 3' },
] as const;
const BAR_SHADES = ['dark.7', 'gray.4', 'gray.1', 'gray.6'] as const;

type Unit = 'rate' | 'money' | 'count' | 'number';

/** A value as the chart plots it: rates in percent, money in yuan; undefined figures leave a gap. */
function plotted(value: ReportValue | undefined): { unit: Unit; y: number | null } | null {
  if (!value) return null;
  switch (value.kind) {
    case 'rate':
      return { unit: 'rate', y: value.value === null ? null : Math.round(value.value * 1000) / 10 };
    case 'money':
      return { unit: 'money', y: value.fen / 100 };
    case 'count':
      return { unit: 'count', y: value.value };
    case 'number':
      return { unit: 'number', y: value.value };
    default:
      return null;
  }
}

function xText(value: ReportValue | undefined, words: ReportWords, locale: string): string {
  if (!value) return '';
  switch (value.kind) {
    case 'date': {
      const dt = DateTime.fromISO(value.value, { zone: 'UTC' }).setLocale(locale);
      return dt.isValid ? dt.toLocaleString({ month: 'numeric', day: 'numeric' }) : value.value;
    }
    case 'label':
      return words.label(value.key);
    case 'text':
      return value.value;
    case 'instant':
      return words.instant(value.value);
    default:
      return String('value' in value ? value.value : value.fen / 100);
  }
}

export function chartData(table: ReportTable, words: ReportWords, locale: string, currency: string) {
  const chart = table.chart!;
  const units = new Map<string, Unit>();
  const data = table.rows.map((row) => {
    const point: Record<string, string | number | null> = { x: xText(row[chart.x], words, locale) };
    for (const key of chart.series) {
      const p = plotted(row[key]);
      if (p) units.set(key, p.unit);
      point[key] = p?.y ?? null;
    }
    return point;
  });
  const unitText: Record<Unit, string> = { rate: ' (%)', money: ` (${currency})`, count: '', number: '' };
  const labelOf = (key: string) => table.columns.find((column) => column.key === key)?.label ?? key;
  const first = units.get(chart.series[0]!) ?? 'count';
  const series = chart.series.map((key) => {
    const unit = units.get(key) ?? 'count';
    return { key, label: `${words.label(labelOf(key))}${unitText[unit]}`, right: unit !== first };
  });
  return { data, series };
}

export function ReportChart({
  table,
  words,
  locale,
  currency,
}: {
  table: ReportTable;
  words: ReportWords;
  locale: string;
  currency: string;
}) {
  const { data, series } = chartData(table, words, locale, currency);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const format = (value: number) => number.format(value);
  const common = {
    h: 220,
    data,
    dataKey: 'x',
    withLegend: true,
    legendProps: { verticalAlign: 'bottom' as const, height: 36 },
    valueFormatter: format,
    textColor: 'dark.7',
    gridColor: 'gray.4',
    tooltipAnimationDuration: 0,
  };
  const label = words.label(table.title);
  if (table.chart!.kind === 'line') {
    const withRight = series.some((s) => s.right);
    return (
      <div className="report-chart" role="img" aria-label={label} data-testid={`report-chart-${table.id}`}>
        <LineChart
          {...common}
          withDots={data.length <= 12}
          connectNulls={false}
          withRightYAxis={withRight}
          rightYAxisProps={{ tickFormatter: format }}
          lineProps={{ isAnimationActive: false }}
          series={series.map((s, i) => ({
            name: s.key,
            label: s.label,
            ...LINE_STYLES[i % LINE_STYLES.length]!,
            ...(s.right ? { yAxisId: 'right' } : {}),
          }))}
        />
      </div>
    );
  }
  return (
    <div className="report-chart" role="img" aria-label={label} data-testid={`report-chart-${table.id}`}>
      <BarChart
        {...common}
        withBarValueLabel
        barLabelColor="dark.9"
        barProps={{ isAnimationActive: false, stroke: '#111', strokeWidth: 0.75 }}
        series={series.map((s, i) => ({ name: s.key, label: s.label, color: BAR_SHADES[i % BAR_SHADES.length]! }))}
      />
    </div>
  );
}
