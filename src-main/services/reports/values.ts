/**
 * Small builders every report shares: sections, tables, figures and typed values (money in fen,
 * rates as fractions), and the local days and date ranges the daily and weekly reports run over.
 */
import type { ReportColumn, ReportFigure, ReportSection, ReportTable, ReportValue } from '@shared/contract/reports';

export const count = (value: number): ReportValue => ({ kind: 'count', value: Number(value) });
export const money = (fen: number): ReportValue => ({ kind: 'money', fen: Math.round(Number(fen)) });
export const rate = (value: number | null): ReportValue => ({ kind: 'rate', value });
export const text = (value: string): ReportValue => ({ kind: 'text', value });
/** A full translation key (a status, a payment method). */
export const label = (key: string): ReportValue => ({ kind: 'label', key });
export const date = (value: string): ReportValue => ({ kind: 'date', value });
export const instant = (value: string): ReportValue => ({ kind: 'instant', value });
/** Money rounded to the fen, or a dash where it is undefined (ADR of a day with nothing sold). */
export const moneyOrNone = (fen: number | null): ReportValue =>
  fen === null ? { kind: 'number', value: null, digits: 0 } : money(fen);

/** A headline figure whose label key is its own key (reports.labels.<key>). */
export const figure = (key: string, value: ReportValue): ReportFigure => ({ key, label: key, value });

/** A column keyed `key`, labelled by `labelKey` (reports.labels.<labelKey>). */
export const column = (key: string, labelKey = key): ReportColumn => ({ key, label: labelKey });

export function section(id: string, parts: Partial<Omit<ReportSection, 'id' | 'title'>> = {}): ReportSection {
  return { id, title: id, figures: [], tables: [], notes: [], ...parts };
}

/** A table titled by its id, its columns labelled by their keys. */
export function table(
  id: string,
  columns: readonly string[],
  rows: Record<string, ReportValue>[],
  totals?: Record<string, ReportValue>,
): ReportTable {
  return { id, title: id, columns: columns.map((key) => ({ key, label: key })), rows, ...(totals && { totals }) };
}

/** The local day of a business date as UTC instants: [start, end). */
export interface Day {
  date: string;
  start: string;
  end: string;
}

/** Local dates `from` … `to` (both included) and the UTC instants they run between: [start, end). A week is one. */
export interface Dates {
  from: string;
  to: string;
  start: string;
  end: string;
}

export const datesOfDay = ({ date, start, end }: Day): Dates => ({ from: date, to: date, start, end });

/** A plain number with its digits, or a dash where it is undefined (a median of nothing). */
export const number = (value: number | null, digits = 1): ReportValue => ({ kind: 'number', value, digits });
