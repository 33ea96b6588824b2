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
  { color: 'dark.9', strokeDasharray: undefined as string | undefined },
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
      // An undefined figure (ADR of a day with nothing sold) is a bare number: its unit is the defined ones'.
      if (p && p.y !== null) units.set(key, p.unit);
      point[key] = p?.y ?? null;
    }
    return point;
  });
  // Chinese labels already use full-width brackets (平均房价（ADR）): the unit follows suit.
  const bracket = (unit: string) => (locale.startsWith('zh') ? `（${unit}）` : ` (${unit})`);
  const unitText: Record<Unit, string> = { rate: bracket('%'), money: bracket(currency), count: '', number: '' };
  const labelOf = (key: string) => table.columns.find((column) => column.key === key)?.label ?? key;
  // The left axis takes the first unit seen; a series in another unit (ADR beside occupancy) goes right.
  const first = chart.series.map((key) => units.get(key)).find((unit) => unit !== undefined) ?? 'count';
  const series = chart.series.map((key) => {
    const unit = units.get(key) ?? first;
    return { key, label: `${words.label(labelOf(key))}${unitText[unit]}`, right: unit !== first };
  });
  return { data, series };
}

/** A Mantine colour (dark.9) as the CSS variable the theme defines for it. */
const cssColor = (color: string) => `var(--mantine-color-${color.replace('.', '-')})`;

/** The legend drawn by us, not recharts: each series' own dash or shade beside its name, as it prints. */
function Legend({ items }: { items: { key: string; label: string; color: string; dash?: string; bar: boolean }[] }) {
  return (
    <ul className="report-chart-legend">
      {items.map((item) => (
        <li key={item.key}>
          <svg width="28" height="12" aria-hidden="true">
            {item.bar ? (
              <rect x="6" y="1" width="16" height="10" fill={cssColor(item.color)} stroke="#111" strokeWidth="0.75" />
            ) : (
              <line
                x1="0"
                y1="6"
                x2="28"
                y2="6"
                stroke={cssColor(item.color)}
                strokeWidth="2"
                strokeDasharray={item.dash}
              />
            )}
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
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
    valueFormatter: format,
    textColor: 'dark.7',
    // Room at both ends, so the first and last points (and their labels) are not cut in half.
    xAxisProps: { padding: { left: 12, right: 12 } },
    gridColor: 'gray.4',
    tooltipAnimationDuration: 0,
  };
  const label = words.label(table.title);
  if (table.chart!.kind === 'line') {
    const withRight = series.some((s) => s.right);
    const styled = series.map((s, i) => ({ ...s, ...LINE_STYLES[i % LINE_STYLES.length]! }));
    return (
      <div className="report-chart" role="img" aria-label={label} data-testid={`report-chart-${table.id}`}>
        <LineChart
          {...common}
          withDots={data.length <= 12}
          connectNulls={false}
          withRightYAxis={withRight}
          rightYAxisProps={{ tickFormatter: format }}
          lineProps={{ isAnimationActive: false }}
          series={styled.map((s) => ({
            name: s.key,
            label: s.label,
            color: s.color,
            strokeDasharray: s.strokeDasharray,
            ...(s.right ? { yAxisId: 'right' } : {}),
          }))}
        />
        <Legend
          items={styled.map((s) => ({
            key: s.key,
            label: s.label,
            color: s.color,
            dash: s.strokeDasharray,
            bar: false,
          }))}
        />
      </div>
    );
  }
  const shaded = series.map((s, i) => ({ ...s, color: BAR_SHADES[i % BAR_SHADES.length]! }));
  return (
    <div className="report-chart" role="img" aria-label={label} data-testid={`report-chart-${table.id}`}>
      <BarChart
        {...common}
        withBarValueLabel
        barLabelColor="dark.9"
        barProps={{ isAnimationActive: false, stroke: '#111', strokeWidth: 0.75 }}
        series={shaded.map((s) => ({ name: s.key, label: s.label, color: s.color }))}
      />
      <Legend items={shaded.map((s) => ({ key: s.key, label: s.label, color: s.color, bar: true }))} />
    </div>
  );
}
