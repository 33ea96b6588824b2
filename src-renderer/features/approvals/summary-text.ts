/**
 * One summary value as text in a UI language: names, money, points, words, and the property's
 * local dates (a stay, a business day) written as the language writes dates, never as ISO.
 * Pure (given the translator and the money format), so a test renders every kind in every language.
 */
import type { TFunction } from 'i18next';
import type { ApprovalSummaryValue } from '@shared/contract';
import { formatDay, formatDayRange } from '../../i18n/format';

export interface SummaryTextContext {
  t: TFunction;
  locale: string;
  money: (fen: number) => string;
}

export function summaryValueText(value: ApprovalSummaryValue, { t, locale, money }: SummaryTextContext): string {
  switch (value.kind) {
    case 'text':
      return locale.startsWith('en') && value.en ? value.en : value.text;
    case 'money':
      return money(value.fen);
    case 'moneyChange':
      return `${money(value.beforeFen)} → ${money(value.afterFen)}`;
    case 'points':
      return t('approvalSummary.points', { points: `${value.points > 0 ? '+' : ''}${value.points}` });
    case 'stay':
      return t('approvalSummary.stay', {
        range: formatDayRange(value.arrival, value.departure, locale),
        nights: t('desk.nights', { count: value.nights }),
      });
    case 'date':
      return formatDay(value.date, locale);
    case 'word':
      return t(`approvalSummary.words.${value.word}`, { defaultValue: value.word });
    case 'everything':
      return t('approvalSummary.everything');
  }
}

const ISO_DAY = /\b(\d{4}-\d{2}-\d{2})\b/g;

/**
 * A request's stored subject label with its local dates in the UI language. The label is text the
 * requesting desk wrote (e.g. "王芳 · 套房 · 2026-12-08 → 2026-12-10") and synced as is, so its
 * days can only be rewritten where it is shown; anything that is not a real day stays as stored.
 */
export function subjectText(label: string, locale: string): string {
  return label.replace(ISO_DAY, (day) => formatDay(day, locale));
}
