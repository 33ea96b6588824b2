/**
 * i18next for the renderer: UI strings (namespace "ui") and the shared error messages
 * (namespace "errors"). The chosen language is remembered in localStorage and also drives
 * zod's messages, so client-side form validation reads in the same language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import { DEFAULT_LOCALE, errorCatalogs, LOCALES, type Locale } from '@shared/i18n/errors';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';
import { zhTW } from './locales/zh-TW';
import { validationMessages } from './validation';

const STORAGE_KEY = 'yingbin.locale';

const uiCatalogs = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };

const zodLocales: Record<Locale, () => Parameters<typeof z.config>[0]> = {
  'zh-CN': z.locales.zhCN,
  'zh-TW': z.locales.zhTW,
  en: z.locales.en,
};

function isLocale(value: string | null): value is Locale {
  return value !== null && (LOCALES as readonly string[]).includes(value);
}

function storedLocale(): Locale {
  const value = localStorage.getItem(STORAGE_KEY);
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

function applyLocale(locale: Locale): void {
  z.config({ ...zodLocales[locale](), customError: validationMessages });
  document.documentElement.lang = locale;
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

export async function changeLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  applyLocale(locale);
  await i18n.changeLanguage(locale);
}

export function initI18n(): void {
  const locale = storedLocale();
  applyLocale(locale);
  void i18n.use(initReactI18next).init({
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: ['ui', 'errors'],
    defaultNS: 'ui',
    resources: Object.fromEntries(LOCALES.map((l) => [l, { ui: uiCatalogs[l], errors: errorCatalogs[l] }])),
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  i18n.on('languageChanged', () => {
    document.title = i18n.t('app.name');
  });
  document.title = i18n.t('app.name');
}

export { i18n };
