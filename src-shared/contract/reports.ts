/**
 * Printable reports (issue 14). Every report is computed on the desk from its own database,
 * offline, and travels as one generic document: sections of figures and tables whose labels are
 * translation keys (`reports.labels.*`) and whose values carry their kind, so the screen, the A4
 * print layout, the PDF, Excel and CSV all show the same figures in the reader's language.
 */
import type { ReportKind } from './report-kinds';

export type { ReportKind } from './report-kinds';
export { REPORT_KINDS } from './report-kinds';

/** One value as the report holds it; money in fen, rates as fractions (0.95), null where undefined (nothing to divide by). */
export type ReportValue =
  | { kind: 'count'; value: number }
  | { kind: 'money'; fen: number }
  | { kind: 'rate'; value: number | null }
  | { kind: 'number'; value: number | null; digits: number }
  | { kind: 'text'; value: string }
  /** A translation key, e.g. a payment method or a status. */
  | { kind: 'label'; key: string }
  | { kind: 'date'; value: string }
  | { kind: 'instant'; value: string };

export interface ReportColumn {
  key: string;
  /** reports.labels.<label> */
  label: string;
}

export interface ReportTable {
  id: string;
  /** reports.labels.<title> */
  title: string;
  columns: ReportColumn[];
  rows: Record<string, ReportValue>[];
  totals?: Record<string, ReportValue>;
  /** How the screen and the print draw it beside the table (black-and-white safe). */
  chart?: { kind: 'line' | 'bar'; x: string; series: string[] };
}

/** Headline figures (the manager's flash): label key and value. */
export interface ReportFigure {
  key: string;
  label: string;
  value: ReportValue;
}

export interface ReportSection {
  id: string;
  /** reports.labels.<title> */
  title: string;
  figures: ReportFigure[];
  tables: ReportTable[];
  /** Notes under the section: translation keys with parameters. */
  notes: { key: string; params?: Record<string, string | number> }[];
}

export interface ReportDocument {
  kind: ReportKind;
  /** The business date, ISO week (2026-W48) or month (2026-11) the report covers. */
  period: string;
  from: string;
  to: string;
  property: { name: string; timeZone: string; currency: string };
  /** The last time this desk heard from the server: a report printed offline says how old other desks' figures may be. */
  dataAsOf: string | null;
  generatedAt: string;
  generatedBy: string;
  sections: ReportSection[];
  /** Definition keys (reports.definitions.<key>) printed at the end. */
  definitions: string[];
}
