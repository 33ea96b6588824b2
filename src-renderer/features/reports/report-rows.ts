/**
 * A report document as rows of cells: the one conversion the CSV and the Excel writers share, so
 * both files hold the same figures as the screen. Pure: the reader's words (labels, dates in the
 * property's zone) come in as functions, numbers stay numbers (money in yuan, rates as fractions)
 * with the format each should be shown in.
 */
import type { ReportDocument, ReportKind, ReportTable, ReportValue } from '@shared/contract/reports';

/** What the rows need in words; the screen builds it from i18n, the tests by hand. */
export interface ReportWords {
  /** reports.labels.<key>, or the key itself while no catalog names it. */
  label(key: string): string;
  definition(key: string): string;
  note(key: string, params?: Record<string, string | number>): string;
  title(kind: ReportKind): string;
  period(document: ReportDocument): string;
  date(isoDate: string): string;
  instant(iso: string): string;
  header: {
    property: string;
    report: string;
    period: string;
    dataAsOf: string;
    neverSynced: string;
    generatedAt: string;
    generatedBy: string;
    currency: string;
    figure: string;
    value: string;
    total: string;
    notes: string;
    definitions: string;
  };
}

export type NumberFormat =
  { kind: 'count' } | { kind: 'money' } | { kind: 'rate' } | { kind: 'number'; digits: number };

/** One cell: text, a number with its format, or empty (a rate with nothing to divide by). */
export interface SheetCell {
  value: string | number | null;
  format?: NumberFormat;
}

export interface SheetRow {
  cells: SheetCell[];
  style?: 'title' | 'heading' | 'total';
}

export interface ReportSheet {
  /** A valid, unique Excel sheet name (at most 31 characters, none of []:*?/\). */
  name: string;
  rows: SheetRow[];
}

export interface ReportLayout {
  /** Property, report, period, data as of, generated at and by, currency: on top of every sheet. */
  header: SheetRow[];
  sheets: ReportSheet[];
}

const text = (value: string): SheetCell => ({ value });

/** Rates are printed with one decimal (95.3%), as on the screen. */
export const RATE_DIGITS = 1;

export function valueCell(value: ReportValue, words: Pick<ReportWords, 'label' | 'date' | 'instant'>): SheetCell {
  switch (value.kind) {
    case 'count':
      return { value: value.value, format: { kind: 'count' } };
    case 'money':
      return { value: value.fen / 100, format: { kind: 'money' } };
    case 'rate':
      return value.value === null ? { value: null } : { value: value.value, format: { kind: 'rate' } };
    case 'number':
      return value.value === null
        ? { value: null }
        : { value: value.value, format: { kind: 'number', digits: value.digits } };
    case 'text':
      return text(value.value);
    case 'label':
      return text(words.label(value.key));
    case 'date':
      return text(words.date(value.value));
    case 'instant':
      return text(words.instant(value.value));
  }
}

function tableRows(table: ReportTable, words: ReportWords): SheetRow[] {
  const rows: SheetRow[] = [
    { cells: [text(words.label(table.title))], style: 'heading' },
    { cells: table.columns.map((column) => text(words.label(column.label))), style: 'heading' },
    ...table.rows.map((row) => ({
      cells: table.columns.map((column) => (row[column.key] ? valueCell(row[column.key]!, words) : { value: null })),
    })),
  ];
  const totals = table.totals;
  if (totals) {
    rows.push({
      style: 'total',
      cells: table.columns.map((column, i) => {
        const value = totals[column.key];
        if (i === 0 && (!value || isBlank(value))) return text(words.header.total);
        return value ? valueCell(value, words) : { value: null };
      }),
    });
  }
  return rows;
}

const blank: SheetRow = { cells: [] };

/** An empty text: what a totals row holds under its label column. */
export function isBlank(value: ReportValue): boolean {
  return value.kind === 'text' && value.value.trim() === '';
}

/** Excel refuses []:*?/\ in sheet names, names over 31 characters and the same name twice. */
export function sheetNames(titles: string[]): string[] {
  const used = new Set<string>();
  return titles.map((title) => {
    const base =
      title
        .replace(/[[\]:*?/\\]/g, ' ')
        .trim()
        .slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name = base.slice(0, 31 - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}

export function reportLayout(document: ReportDocument, words: ReportWords): ReportLayout {
  const h = words.header;
  const header: SheetRow[] = [
    { cells: [text(document.property.name)], style: 'title' },
    { cells: [text(words.title(document.kind))], style: 'title' },
    { cells: [text(h.period), text(words.period(document))] },
    {
      cells: [text(h.dataAsOf), text(document.dataAsOf ? words.instant(document.dataAsOf) : h.neverSynced)],
    },
    { cells: [text(h.generatedAt), text(words.instant(document.generatedAt))] },
    { cells: [text(h.generatedBy), text(document.generatedBy)] },
    { cells: [text(h.currency), text(document.property.currency)] },
  ];

  const titles = document.sections.map((section) => words.label(section.title));
  const names = sheetNames([...titles, h.definitions]);
  const sheets: ReportSheet[] = document.sections.map((section, i) => {
    const rows: SheetRow[] = [{ cells: [text(titles[i]!)], style: 'title' }];
    if (section.figures.length > 0) {
      rows.push(blank, { cells: [text(h.figure), text(h.value)], style: 'heading' });
      for (const figure of section.figures)
        rows.push({ cells: [text(words.label(figure.label)), valueCell(figure.value, words)] });
    }
    for (const table of section.tables) rows.push(blank, ...tableRows(table, words));
    if (section.notes.length > 0) {
      rows.push(blank, { cells: [text(h.notes)], style: 'heading' });
      for (const note of section.notes) rows.push({ cells: [text(words.note(note.key, note.params))] });
    }
    return { name: names[i]!, rows };
  });
  if (document.definitions.length > 0) {
    sheets.push({
      name: names[names.length - 1]!,
      rows: [
        { cells: [text(h.definitions)], style: 'title' },
        blank,
        ...document.definitions.map((key) => ({ cells: [text(words.definition(key))] })),
      ],
    });
  }
  return { header, sheets };
}
