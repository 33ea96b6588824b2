/**
 * Mantine's date pickers in the UI language, not the browser's or the OS's: dayjs is switched
 * with i18next through DatesProvider, which hands the locale (and Monday as the first day) to every
 * picker; the dayjs locales are registered here.
 */
import type { ReactNode } from 'react';
import { DatesProvider } from '@mantine/dates';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-tw';
import 'dayjs/locale/en';
import { useTranslation } from 'react-i18next';

const DAYJS_LOCALES: Record<string, string> = { 'zh-CN': 'zh-cn', 'zh-TW': 'zh-tw', en: 'en' };

/** The dayjs locale for a UI language (zh-CN when unknown, the app's default). */
export function dayjsLocale(language: string): string {
  return DAYJS_LOCALES[language] ?? 'zh-cn';
}

/** How a date is written in a date field of each UI language. */
export function dateFieldFormat(language: string): string {
  return language === 'en' ? 'D MMM YYYY' : 'YYYY年M月D日';
}

/** How a month is written in a month field of each UI language (2026年12月 / Dec 2026). */
export function monthFieldFormat(language: string): string {
  return language === 'en' ? 'MMM YYYY' : 'YYYY年M月';
}

export function DatesLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = dayjsLocale(i18n.language);
  return <DatesProvider settings={{ locale, firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}
