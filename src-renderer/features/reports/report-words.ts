/**
 * The reader's words for a report: its translation keys in the UI language (or the key itself
 * while no catalog names it), values formatted by kind (money in the property's currency, rates
 * as percentages, dates and instants in the property's zone). The screen and print read the
 * display formats; the exports read the same words with sortable dates.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from 'luxon';
import type { i18n as I18n } from 'i18next';
import type { ReportDocument, ReportKind, ReportValue } from '@shared/contract/reports';
import { useSession } from '../../api/session';
import { DATE_TIME_MINUTE, formatInstant, useFormat } from '../../i18n/format';
import { moneyFormat } from '../../ui/money';
import { RATE_DIGITS, type ReportWords } from './report-rows';

/** A report's value as the screen and the print show it. */
export type ValueText = (value: ReportValue) => string;

export interface ReportReading {
  /** Words with display dates ("2026年11月30日"), for the screen and the print. */
  words: ReportWords;
  value: ValueText;
  /** The same words with sortable dates (2026-11-30, 2026-11-30 21:05:00), for CSV and Excel. */
  sheetWords: ReportWords;
  /** The empty value (a rate with nothing to divide by). */
  none: string;
}

type LooseT = (key: string, options?: Record<string, unknown>) => string;

/** The first of the keys a catalog holds, translated; otherwise the bare key. */
function firstKnown(i18n: I18n, keys: string[], bare: string, params?: Record<string, string | number>): string {
  const t = i18n.t.bind(i18n) as unknown as LooseT;
  const known = keys.find((key) => i18n.exists(key));
  return known ? t(known, params) : bare;
}

function localDate(iso: string, locale: string, format: Intl.DateTimeFormatOptions): string {
  const dt = DateTime.fromISO(iso, { zone: 'UTC' }).setLocale(locale);
  return dt.isValid ? dt.toLocaleString(format) : iso;
}

/** The business date of an instant (a period's bounds are UTC instants) in the property's zone. */
function dateInZone(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone: 'UTC' }).setZone(zone).toISODate() ?? iso;
}

export function periodText(
  document: ReportDocument,
  locale: string,
  rangeText: (from: string, to: string) => string,
): string {
  const zone = document.property.timeZone;
  if (document.kind === 'daily') return localDate(document.period, locale, DateTime.DATE_HUGE);
  if (/^\d{4}-\d{2}$/.test(document.period))
    return localDate(`${document.period}-01`, locale, { year: 'numeric', month: 'long' });
  // A week (2026-W48): its first and last dates; `to` is the instant the next day begins.
  const last = DateTime.fromISO(document.to, { zone: 'UTC' }).minus({ milliseconds: 1 }).toISO()!;
  return `${document.period} (${rangeText(
    localDate(dateInZone(document.from, zone), locale, DateTime.DATE_MED),
    localDate(dateInZone(last, zone), locale, DateTime.DATE_MED),
  )})`;
}

function buildReading(i18n: I18n, locale: string, zone: string, currency: string): ReportReading {
  const t = i18n.getFixedT(locale) as unknown as LooseT;
  const money = moneyFormat(locale, currency);
  const count = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: RATE_DIGITS,
    maximumFractionDigits: RATE_DIGITS,
  });
  const none = t('common.empty');
  // Labels are keys under reports.labels; a label value may also name any catalog key in full
  // (desk.payments.cash, reports.labels.occupancy).
  const label = (key: string) =>
    firstKnown(i18n, key.includes('.') ? [`reports.labels.${key}`, key] : [`reports.labels.${key}`], key);
  const base = {
    label,
    definition: (key: string) => firstKnown(i18n, [`reports.definitions.${key}`], key),
    note: (key: string, params?: Record<string, string | number>) =>
      firstKnown(i18n, [`reports.notes.${key}`, `reports.labels.${key}`], key, params),
    title: (kind: ReportKind) => t(`reports.kinds.${kind}`),
    period: (document: ReportDocument) =>
      periodText(document, locale, (from, to) => t('reports.header.range', { from, to })),
    header: {
      property: t('reports.header.property'),
      report: t('reports.header.report'),
      period: t('reports.header.period'),
      dataAsOf: t('reports.header.dataAsOf'),
      neverSynced: t('reports.header.neverSynced'),
      generatedAt: t('reports.header.generatedAt'),
      generatedBy: t('reports.header.generatedBy'),
      currency: t('reports.header.currency'),
      figure: t('reports.figure'),
      value: t('reports.value'),
      total: t('reports.total'),
      notes: t('reports.notesTitle'),
      definitions: t('reports.definitionsTitle'),
    },
  };
  const words: ReportWords = {
    ...base,
    date: (iso) => localDate(iso, locale, DateTime.DATE_MED),
    instant: (iso) => formatInstant(iso, locale, zone, DATE_TIME_MINUTE),
  };
  const sheetWords: ReportWords = {
    ...base,
    date: (iso) => iso,
    instant: (iso) => {
      const dt = DateTime.fromISO(iso, { zone: 'UTC' }).setZone(zone);
      return dt.isValid ? dt.toFormat('yyyy-MM-dd HH:mm:ss') : iso;
    },
  };
  const value: ValueText = (v) => {
    switch (v.kind) {
      case 'count':
        return count.format(v.value);
      case 'money':
        return money(v.fen);
      case 'rate':
        return v.value === null ? none : percent.format(v.value);
      case 'number':
        return v.value === null
          ? none
          : new Intl.NumberFormat(locale, { minimumFractionDigits: v.digits, maximumFractionDigits: v.digits }).format(
              v.value,
            );
      case 'text':
        return v.value;
      case 'label':
        return label(v.key);
      case 'date':
        return words.date(v.value);
      case 'instant':
        return words.instant(v.value);
    }
  };
  return { words, sheetWords, value, none };
}

/** The reading of a report in the UI language, in the report's property zone (the session's as a fallback). */
export function useReportReading(document: ReportDocument | undefined): ReportReading {
  const { i18n } = useTranslation();
  const { property } = useSession();
  const { zone } = useFormat();
  const locale = i18n.language;
  const timeZone = document?.property.timeZone ?? zone ?? property.timeZone;
  const currency = document?.property.currency ?? property.currency;
  return useMemo(() => buildReading(i18n, locale, timeZone, currency), [i18n, locale, timeZone, currency]);
}
