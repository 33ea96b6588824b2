/**
 * A report document as rows for CSV and Excel: the same figures as the document (money in yuan,
 * rates as fractions shown as percentages), header rows on top, valid sheet names, and a workbook
 * that exceljs reads back with the numbers it was given.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '@shared/contract/reports';
import { csvValue, reportCsv } from '../../src-renderer/features/reports/report-csv';
import { reportWorkbook } from '../../src-renderer/features/reports/report-excel';
import { reportLayout, sheetNames, type ReportWords } from '../../src-renderer/features/reports/report-rows';
import { cssString, pageCounterContent } from '../../src-renderer/features/reports/print-margins';

const LABELS: Record<string, string> = {
  flash: '经理日报',
  occupancy: '出租率',
  adr: '平均房价',
  roomRevenue: '客房收入',
  roomsSold: '已售客房',
  byDay: '按日',
  date: '日期',
  channels: '渠道构成',
  channel: '渠道',
  bookings: '预订数',
  walk_in: '散客',
  ota: 'OTA',
};

const words: ReportWords = {
  label: (key) => LABELS[key] ?? key,
  definition: (key) => `${LABELS[key] ?? key} = …`,
  note: (key, params) => `${key}:${JSON.stringify(params ?? {})}`,
  title: (kind) => (kind === 'daily' ? '日报' : kind),
  period: (document) => document.period,
  date: (iso) => iso,
  instant: (iso) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`,
  header: {
    property: '门店',
    report: '报表',
    period: '报告期',
    dataAsOf: '数据截至',
    neverSynced: '从未同步',
    generatedAt: '生成时间',
    generatedBy: '生成人',
    currency: '货币',
    figure: '指标',
    value: '数值',
    total: '合计',
    notes: '说明',
    definitions: '指标口径',
  },
};

/** A small daily report whose numbers are easy to check by hand: 45 of 60 rooms sold at ¥12,345.67. */
const DAILY: ReportDocument = {
  kind: 'daily',
  period: '2026-11-30',
  from: '2026-11-29T16:00:00.000Z',
  to: '2026-11-30T16:00:00.000Z',
  property: { name: '湖景酒店', timeZone: 'Asia/Shanghai', currency: 'CNY' },
  dataAsOf: null,
  generatedAt: '2026-11-30T14:05:00.000Z',
  generatedBy: '陈主管',
  sections: [
    {
      id: 'flash',
      title: 'flash',
      figures: [
        { key: 'roomsSold', label: 'roomsSold', value: { kind: 'count', value: 45 } },
        { key: 'occupancy', label: 'occupancy', value: { kind: 'rate', value: 0.75 } },
        { key: 'adr', label: 'adr', value: { kind: 'number', value: null, digits: 0 } },
        { key: 'roomRevenue', label: 'roomRevenue', value: { kind: 'money', fen: 1_234_567 } },
      ],
      tables: [
        {
          id: 'channels',
          title: 'channels',
          columns: [
            { key: 'channel', label: 'channel' },
            { key: 'bookings', label: 'bookings' },
          ],
          rows: [
            { channel: { kind: 'label', key: 'walk_in' }, bookings: { kind: 'count', value: 30 } },
            { channel: { kind: 'text', value: '=HYPERLINK("x")' }, bookings: { kind: 'count', value: 15 } },
          ],
          totals: { channel: { kind: 'text', value: '' }, bookings: { kind: 'count', value: 45 } },
          chart: { kind: 'bar', x: 'channel', series: ['bookings'] },
        },
      ],
      notes: [{ key: 'belowTarget', params: { target: 95 } }],
    },
    { id: 'copy', title: 'flash', figures: [], tables: [], notes: [] },
  ],
  definitions: ['occupancy'],
};

describe('report rows', () => {
  const layout = reportLayout(DAILY, words);

  it('open with the property, the report, the period and a clear "never synced" when the desk never synced', () => {
    const header = layout.header.map((row) => row.cells.map((cell) => cell.value));
    expect(header).toEqual([
      ['湖景酒店'],
      ['日报'],
      ['报告期', '2026-11-30'],
      ['数据截至', '从未同步'],
      ['生成时间', '2026-11-30 14:05:00'],
      ['生成人', '陈主管'],
      ['货币', 'CNY'],
    ]);
  });

  it('hold the figures as numbers: money in yuan, rates as fractions, an undefined figure empty', () => {
    const flash = layout.sheets[0]!;
    const figure = (label: string) => flash.rows.find((row) => row.cells[0]?.value === label)?.cells[1];
    expect(figure('已售客房')).toEqual({ value: 45, format: { kind: 'count' } });
    expect(figure('出租率')).toEqual({ value: 0.75, format: { kind: 'rate' } });
    expect(figure('客房收入')).toEqual({ value: 12_345.67, format: { kind: 'money' } });
    expect(figure('平均房价')).toEqual({ value: null });
  });

  it('write each table with its title, column labels, translated labels and a totals row', () => {
    const values = layout.sheets[0]!.rows.map((row) => row.cells.map((cell) => cell.value));
    const at = values.findIndex((row) => row[0] === '渠道构成');
    expect(values.slice(at, at + 5)).toEqual([
      ['渠道构成'],
      ['渠道', '预订数'],
      ['散客', 30],
      ['=HYPERLINK("x")', 15],
      ['合计', 45],
    ]);
  });

  it('name sheets as Excel allows: no []:*?/\\, at most 31 characters, no name twice', () => {
    expect(layout.sheets.map((sheet) => sheet.name)).toEqual(['经理日报', '经理日报 (2)', '指标口径']);
    expect(sheetNames(['a/b:c', 'x'.repeat(40), 'x'.repeat(40)])).toEqual([
      'a b c',
      'x'.repeat(31),
      `${'x'.repeat(27)} (2)`,
    ]);
  });
});

describe('report CSV', () => {
  const csv = reportCsv(reportLayout(DAILY, words));

  it('shows money with two decimals and rates as percentages, as on the screen', () => {
    expect(csvValue({ value: 12_345.67, format: { kind: 'money' } })).toBe('12345.67');
    expect(csvValue({ value: 0.953, format: { kind: 'rate' } })).toBe('95.3%');
    expect(csvValue({ value: 2.5, format: { kind: 'number', digits: 2 } })).toBe('2.50');
    expect(csvValue({ value: null })).toBe('');
    expect(csv).toContain('\r\n客房收入,12345.67\r\n');
    expect(csv).toContain('\r\n出租率,75.0%\r\n');
  });

  it('starts with a byte-order mark, quotes what needs quoting and defuses formulas', () => {
    expect(csv.startsWith('\uFEFF湖景酒店\r\n')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",15`);
    expect(csv).toContain('belowTarget:{""target"":95}');
  });
});

describe('report workbook', () => {
  it('reads back with exceljs holding the same numbers, one sheet per section plus the definitions', async () => {
    const buffer = await reportWorkbook(reportLayout(DAILY, words), '陈主管').xlsx.writeBuffer();
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(buffer);
    expect(read.worksheets.map((sheet) => sheet.name)).toEqual(['经理日报', '经理日报 (2)', '指标口径']);
    const sheet = read.getWorksheet('经理日报')!;
    expect(sheet.getCell('A1').value).toBe('湖景酒店');
    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === label) found = row;
      });
      return found!;
    };
    expect(rowOf('客房收入').getCell(2).value).toBe(12_345.67);
    expect(rowOf('客房收入').getCell(2).numFmt).toBe('#,##0.00');
    expect(rowOf('出租率').getCell(2).value).toBe(0.75);
    expect(rowOf('出租率').getCell(2).numFmt).toBe('0.0%');
    expect(rowOf('已售客房').getCell(2).value).toBe(45);
    expect(rowOf('平均房价').getCell(2).value).toBeNull();
    expect(rowOf('合计').getCell(2).value).toBe(45);
  });
});

describe('print margins', () => {
  it('escape texts as CSS strings and put the page counters into the translated template', () => {
    expect(cssString('A "B" \\ <x>\nC')).toBe('"A \\"B\\" \\\\ \\3c x> C"');
    expect(pageCounterContent('第 {{page}} 页 / 共 {{pages}} 页')).toBe(
      '"第 " counter(page) " 页 / 共 " counter(pages) " 页"',
    );
    expect(pageCounterContent('Page {{page}} of {{pages}}')).toBe('"Page " counter(page) " of " counter(pages)');
  });
});
