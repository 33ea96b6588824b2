/**
 * A report as one CSV file: the header rows once, then every section's rows in turn. UTF-8 with a
 * byte-order mark and CRLF, so Excel on a Chinese Windows opens it without garbling the Chinese.
 */
import { RATE_DIGITS, type ReportLayout, type SheetCell } from './report-rows';

/** A cell as CSV text: money with two decimals, rates as percentages, as the screen shows them. */
export function csvValue(cell: SheetCell): string {
  const { value, format } = cell;
  if (value === null) return '';
  if (typeof value === 'number') {
    switch (format?.kind) {
      case 'money':
        return value.toFixed(2);
      case 'rate':
        return `${(value * 100).toFixed(RATE_DIGITS)}%`;
      case 'number':
        return value.toFixed(format.digits);
      default:
        return String(value);
    }
  }
  // A text starting like a formula would run as one in a spreadsheet (CSV injection).
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function quoted(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function reportCsv(layout: ReportLayout): string {
  const rows = [...layout.header, { cells: [] }, ...layout.sheets.flatMap((sheet) => [...sheet.rows, { cells: [] }])];
  return '\uFEFF' + rows.map((row) => row.cells.map((cell) => quoted(csvValue(cell))).join(',')).join('\r\n') + '\r\n';
}
