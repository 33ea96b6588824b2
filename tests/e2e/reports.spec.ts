/**
 * Reports: a supervisor opens the demo hotel's daily report, prints it to an A4 PDF (Chromium's
 * page.pdf(), the window's print path) whose text carries the property and the figures in
 * Chinese, and exports it to Excel and CSV with the same figures; then the weekly report and the
 * monthly ones.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { ReportDocument, ReportValue } from '@shared/contract/reports';
import { expect, shot, test } from './harness';
import { signIn } from './steps';

const PROPERTY = '迎宾示范酒店';

test('a supervisor opens the daily report, prints it to an A4 PDF in Chinese and exports the same figures to Excel and CSV', async ({
  page,
  demoDesk,
}, testInfo) => {
  await page.goto(demoDesk.url);
  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await page.getByTestId('nav-reports').click();

  const report = page.getByTestId('report-document');
  await expect(report.getByTestId('report-property')).toHaveText(PROPERTY);
  await expect(report.getByTestId('report-title')).toHaveText('日报');
  // The demo desk was never enrolled with a server: the report says its figures are its own.
  await expect(report.getByTestId('report-data-as-of')).toContainText('从未与中心服务器同步');
  const roomsSold = report.getByTestId('report-figure-roomsSold');
  await expect(roomsSold).toContainText('已售房间夜数');
  const sold = (await roomsSold.locator('dd').textContent())!.trim();
  expect(sold).toMatch(/^\d+$/);
  await expect(report.getByTestId('report-figure-occupancy').locator('dd')).toHaveText(/^\d+(\.\d)?%$|^—$/);
  await shot(page, '100-report-daily');

  // Print: the report alone on A4 with its running header and page numbers.
  await page.emulateMedia({ media: 'print' });
  const pdfPath = testInfo.outputPath('daily-report.pdf');
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain(PROPERTY);
  expect(text).toContain('经理日报');
  expect(text).toMatch(new RegExp(`已售房间夜数\\s+${sold}`));
  expect(text).toContain('出租率');
  expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*\d+\s*页/);
  const pageSize = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  expect(pageSize).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdfPath, testInfo.outputPath('daily-report')]);

  // Excel: the same figure, as a number, on the flash's sheet.
  const excel = page.waitForEvent('download');
  await page.getByTestId('report-excel').click();
  const workbookFile = await excel;
  expect(workbookFile.suggestedFilename()).toMatch(/^迎宾示范酒店-日报-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await workbookFile.path())!) as unknown as ExcelJS.Buffer);
  const flash = workbook.getWorksheet('经理日报')!;
  expect(flash.getCell('A1').value).toBe(PROPERTY);
  const figures: Record<string, unknown> = {};
  flash.eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string' && !(label in figures)) figures[label] = row.getCell(2).value;
  });
  expect(figures['已售房间夜数']).toBe(Number(sold));

  // CSV: the same figure in the one file, readable by Excel (byte-order mark).
  const csv = page.waitForEvent('download');
  await page.getByTestId('report-csv').click();
  const csvText = fs.readFileSync((await (await csv).path())!, 'utf8');
  expect(csvText.startsWith('\uFEFF迎宾示范酒店')).toBe(true);
  expect(csvText).toContain(`\r\n已售房间夜数,${sold}\r\n`);

  // The weekly report of the business date's ISO week, then the week before: its flash by day drawn as a line.
  await page.getByTestId('report-kind-weekly').click();
  await expect(report.getByTestId('report-title')).toHaveText('周报');
  const week = (await page.getByTestId('report-week').textContent())!;
  expect(week).toMatch(/^\d{4}-W\d{2}：\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}$/);
  await expect(report).toContainText('经理周报');
  await expect(report.getByTestId('report-figure-roomsSold').locator('dd')).toHaveText(/^\d+$/);
  await expect(report.locator('.report-chart svg').first()).toBeVisible();
  await page.getByTestId('report-week-previous').click();
  await expect(page.getByTestId('report-week')).not.toHaveText(week);
  await expect(report.getByTestId('report-period')).toContainText(/\d{4}-W\d{2}/);
  await shot(page, '106-report-weekly');

  // The monthly operations report: its charts (occupancy, ADR and RevPAR by day, channel mix) in black and white.
  await page.getByTestId('report-kind-operations').click();
  await expect(report.getByTestId('report-title')).toHaveText('月度运营报告');
  await expect(report.locator('.report-chart svg').first()).toBeVisible();
  await shot(page, '101-report-operations');
  await page.emulateMedia({ media: 'print' });
  const monthlyPdf = testInfo.outputPath('operations-report.pdf');
  await page.pdf({ path: monthlyPdf, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  expect(execFileSync('pdftotext', [monthlyPdf, '-'], { encoding: 'utf8' })).toContain('月度运营报告');
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '3', monthlyPdf, testInfo.outputPath('operations')]);

  // The risk and satisfaction reports through the same view, and the calendar of reports due.
  await page.getByTestId('report-kind-risk').click();
  await expect(report.getByTestId('report-title')).toHaveText('月度风险报告');
  await shot(page, '102-report-risk');
  await page.getByTestId('report-kind-satisfaction').click();
  await expect(report.getByTestId('report-title')).toHaveText('月度满意度报告');
  await shot(page, '103-report-satisfaction');
  await page.getByTestId('report-kind-calendar').click();
  await expect(page.getByTestId('report-calendar')).toBeVisible();
  await expect(report).toBeHidden();
  await shot(page, '104-report-calendar');
});

/** A month of a busy hotel, to see the charts with real shapes: occupancy climbing, ADR and RevPAR, a channel mix. */
function busyMonth(): ReportDocument {
  const days = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
  const dayRows = days.map((day, i) => {
    const sold = 40 + Math.round(70 * Math.sin((i / 29) * Math.PI) ** 2);
    const revenue = sold * (42_000 + i * 600);
    return {
      date: { kind: 'date', value: day },
      sold: { kind: 'count', value: sold },
      occupancy: { kind: 'rate', value: sold / 120 },
      adr: { kind: 'money', fen: Math.round(revenue / sold) },
      revpar: { kind: 'money', fen: Math.round(revenue / 120) },
    } satisfies Record<string, ReportValue>;
  });
  const channels = [
    ['desk.channels.phone', 120, 260],
    ['desk.channels.walk_in', 45, 70],
    ['desk.channels.ota', 210, 480],
    ['desk.channels.travel_agency', 60, 150],
  ] as const;
  return {
    kind: 'operations',
    period: '2026-11',
    from: '2026-10-31T16:00:00.000Z',
    to: '2026-11-30T16:00:00.000Z',
    property: { name: PROPERTY, timeZone: 'Asia/Shanghai', currency: 'CNY' },
    dataAsOf: '2026-11-30T12:00:00.000Z',
    generatedAt: '2026-11-30T12:05:00.000Z',
    generatedBy: '陈主管',
    sections: [
      {
        id: 'monthlyRooms',
        title: 'monthlyRooms',
        figures: [{ key: 'occupancy', label: 'occupancy', value: { kind: 'rate', value: 0.712 } }],
        tables: [
          {
            id: 'occupancyByDay',
            title: 'occupancyByDay',
            columns: [
              { key: 'date', label: 'date' },
              { key: 'sold', label: 'sold' },
              { key: 'occupancy', label: 'occupancy' },
              { key: 'adr', label: 'adr' },
            ],
            rows: dayRows,
            chart: { kind: 'line', x: 'date', series: ['occupancy', 'adr'] },
          },
          {
            id: 'ratesByDay',
            title: 'ratesByDay',
            columns: [
              { key: 'date', label: 'date' },
              { key: 'adr', label: 'adr' },
              { key: 'revpar', label: 'revpar' },
            ],
            rows: dayRows.slice(0, 3),
            chart: { kind: 'line', x: 'date', series: ['adr', 'revpar'] },
          },
        ],
        notes: [],
      },
      {
        id: 'monthlyChannels',
        title: 'monthlyChannels',
        figures: [],
        tables: [
          {
            id: 'channelMix',
            title: 'channelMix',
            columns: [
              { key: 'channel', label: 'channel' },
              { key: 'bookingsMade', label: 'bookingsMade' },
              { key: 'roomNightsSold', label: 'roomNightsSold' },
            ],
            rows: channels.map(([channel, made, nights]) => ({
              channel: { kind: 'label', key: channel },
              bookingsMade: { kind: 'count', value: made },
              roomNightsSold: { kind: 'count', value: nights },
            })),
            chart: { kind: 'bar', x: 'channel', series: ['bookingsMade', 'roomNightsSold'] },
          },
        ],
        notes: [],
      },
    ],
    definitions: ['occupancy', 'adr'],
  };
}

test('the charts of a busy month print in black and white: lines by dash, bars by shade, each named in its legend', async ({
  page,
  demoDesk,
}, testInfo) => {
  await page.route('**/rpc/reports.monthly', (route) => route.fulfill({ json: { ok: true, value: busyMonth() } }));
  await page.goto(demoDesk.url);
  await signIn(page, 'supervisor', 'demo-supervisor-1');
  await page.getByTestId('nav-reports').click();
  await page.getByTestId('report-kind-operations').click();
  const report = page.getByTestId('report-document');
  await expect(report.getByTestId('report-title')).toHaveText('月度运营报告');
  const occupancy = report.getByTestId('report-chart-occupancyByDay');
  await expect(occupancy.locator('.recharts-line')).toHaveCount(2);
  await expect(occupancy).toContainText('出租率（%）');
  await expect(occupancy).toContainText('平均房价（ADR）（CNY）');
  await expect(report.getByTestId('report-chart-channelMix').locator('.recharts-bar-rectangle')).toHaveCount(8);
  await shot(page, '105-report-charts');

  await page.emulateMedia({ media: 'print' });
  const pdfPath = testInfo.outputPath('charts.pdf');
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  // In grey, as a black-and-white printer would put it.
  execFileSync('pdftoppm', ['-gray', '-png', '-r', '90', '-f', '1', '-l', '3', pdfPath, testInfo.outputPath('charts')]);
  expect(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })).toContain('渠道结构');
});
