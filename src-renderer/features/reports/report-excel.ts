/**
 * A report as an Excel workbook (exceljs): one sheet per section and one for the definitions,
 * each opening with the header rows (property, report, period, data as of). Numbers stay numbers
 * with a number format, so the figures add up in the spreadsheet as they do on the report.
 * Loaded on demand: exceljs is large and only an export needs it.
 */
import ExcelJS from 'exceljs';
import { RATE_DIGITS, type NumberFormat, type ReportLayout, type SheetRow } from './report-rows';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function numFmt(format: NumberFormat): string {
  switch (format.kind) {
    case 'count':
      return '#,##0';
    case 'money':
      return '#,##0.00';
    case 'rate':
      return `0.${'0'.repeat(RATE_DIGITS)}%`;
    case 'number':
      return format.digits > 0 ? `#,##0.${'0'.repeat(format.digits)}` : '#,##0';
  }
}

function addRow(sheet: ExcelJS.Worksheet, row: SheetRow): void {
  const added = sheet.addRow(row.cells.map((cell) => cell.value));
  row.cells.forEach((cell, i) => {
    if (cell.format && typeof cell.value === 'number') added.getCell(i + 1).numFmt = numFmt(cell.format);
  });
  if (row.style === 'title') added.font = { bold: true, size: 13 };
  if (row.style === 'heading' || row.style === 'total') added.font = { bold: true };
  if (row.style === 'total') added.border = { top: { style: 'thin' } };
}

export function reportWorkbook(layout: ReportLayout, creator: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = creator;
  for (const { name, rows } of layout.sheets) {
    const sheet = workbook.addWorksheet(name);
    for (const row of layout.header) addRow(sheet, row);
    sheet.addRow([]);
    for (const row of rows) addRow(sheet, row);
    const width = Math.max(...[...layout.header, ...rows].map((row) => row.cells.length), 2);
    sheet.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 30 : 18 }));
  }
  return workbook;
}

export async function reportXlsx(layout: ReportLayout, creator: string): Promise<ArrayBuffer> {
  const buffer = await reportWorkbook(layout, creator).xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}
