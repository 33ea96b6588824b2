/**
 * Numbers per UI language: money in each language with the same ¥ symbol, and English words that
 * agree with their numbers (1 night, 2 nights; never "night(s)"), through the real catalogs.
 */
import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src-renderer/i18n/locales/en';
import { zhCN } from '../../src-renderer/i18n/locales/zh-CN';
import { zhTW } from '../../src-renderer/i18n/locales/zh-TW';
import { formatInstant, moneyFormat } from '../../src-renderer/i18n/format';
import { dateFieldFormat, dayjsLocale, monthFieldFormat } from '../../src-renderer/ui/DatesLocale';
import { monthToPickerDate, pickerDateToMonth } from '../../src-renderer/ui/month-field-value';
import { parseDateField } from '../../src-renderer/ui/date-field-parse';

describe('money per UI language', () => {
  it.each([
    ['zh-CN', 46800, '¥468.00'],
    ['zh-TW', 46800, '¥468.00'],
    ['en', 46800, '¥468.00'],
    ['en', 1234567, '¥12,345.67'],
    ['en', 0, '¥0.00'],
    ['zh-CN', -5000, '-¥50.00'],
  ])('%s writes %i fen as %s', (locale, fen, expected) => {
    expect(moneyFormat(locale, 'CNY')(fen)).toBe(expected);
  });

  it('never writes CN¥ or CNY in any language', () => {
    for (const locale of ['zh-CN', 'zh-TW', 'en']) expect(moneyFormat(locale, 'CNY')(46800)).not.toMatch(/CN/);
  });
});

describe('date fields per UI language', () => {
  it.each([
    ['zh-CN', 'zh-cn', 'YYYY年M月D日'],
    ['zh-TW', 'zh-tw', 'YYYY年M月D日'],
    ['en', 'en', 'D MMM YYYY'],
    ['fr', 'zh-cn', 'YYYY年M月D日'],
  ])('%s picks dayjs %s and writes %s', (language, locale, format) => {
    expect(dayjsLocale(language)).toBe(locale);
    expect(dateFieldFormat(language)).toBe(language === 'fr' ? 'YYYY年M月D日' : format);
  });
});

describe('words that agree with their numbers', () => {
  let i18n: i18n;
  beforeAll(async () => {
    i18n = i18next.createInstance();
    await i18n.init({
      lng: 'en',
      ns: ['ui'],
      defaultNS: 'ui',
      resources: { en: { ui: en }, 'zh-CN': { ui: zhCN }, 'zh-TW': { ui: zhTW } },
      interpolation: { escapeValue: false },
    });
  });
  // Keys come from the table below, not from the typed catalog.
  const t = (key: string, options: Record<string, unknown>, lng = 'en') =>
    (i18n.t as unknown as (key: string, options: Record<string, unknown>) => string)(key, { ...options, lng });

  it.each([
    ['desk.nights', { count: 1 }, '1 night'],
    ['desk.nights', { count: 3 }, '3 nights'],
    ['desk.drawer.guestsValue', { adults: 1, children: 0 }, '1 adult, 0 children'],
    ['desk.drawer.guestsValue', { adults: 2, children: 1 }, '2 adults, 1 child'],
    ['desk.override.current', { total: '¥468.00', nights: 1 }, 'Now ¥468.00 for 1 night'],
    ['desk.override.current', { total: '¥936.00', nights: 2 }, 'Now ¥936.00 for 2 nights'],
    ['members.tiers.nights', { count: 1 }, '1 night'],
    ['cancellations.describe.penalty.nights', { nights: 1 }, '1 night charged'],
  ])('%s with %j reads "%s"', (key, options, expected) => {
    expect(t(key, options)).toBe(expected);
  });

  it('no English string says (s) or (ren)', () => {
    const strings: string[] = [];
    const walk = (value: unknown) => {
      if (typeof value === 'string') strings.push(value);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(en);
    expect(strings.filter((s) => /\w\((s|es|ren)\)/.test(s))).toEqual([]);
  });

  it('Chinese keeps its words with the same keys', () => {
    expect(t('desk.nights', { count: 1 }, 'zh-CN')).toBe('1 晚');
    expect(t('desk.drawer.guestsValue', { adults: 2, children: 0 }, 'zh-CN')).toBe('成人 2，儿童 0');
    expect(t('desk.nights', { count: 2 }, 'zh-TW')).toBe('2 晚');
  });
});

describe('a typed date in a date field', () => {
  it.each([
    ['2026-12-08', 'zh-CN', '2026-12-08'],
    ['2026年12月8日', 'zh-CN', '2026-12-08'],
    ['2026年12月8日', 'zh-TW', '2026-12-08'],
    ['8 Dec 2026', 'en', '2026-12-08'],
    [' 2026-12-08 ', 'en', '2026-12-08'],
    ['2026-02-30', 'zh-CN', null],
    ['2026年2月30日', 'zh-CN', null],
    ['12/08/2026', 'en', null],
    ['', 'en', null],
  ])('"%s" in %s reads %s', (input, language, expected) => {
    expect(parseDateField(input, language)).toBe(expected);
  });
});

describe('a month field', () => {
  it.each([
    ['zh-CN', 'YYYY年M月'],
    ['zh-TW', 'YYYY年M月'],
    ['en', 'MMM YYYY'],
  ])('%s writes a month as %s', (language, format) => {
    expect(monthFieldFormat(language)).toBe(format);
  });

  it.each([
    ['2026-12', '2026-12-01'],
    ['2026-01', '2026-01-01'],
    ['', null],
    ['2026-13', null],
    ['2026-00', null],
    ['2026-1', null],
    ['2026-12-08', null],
  ])('holds month "%s" in the picker as %s', (month, date) => {
    expect(monthToPickerDate(month)).toBe(date);
  });

  it.each([
    ['2026-12-01', '2026-12'],
    ['2026-02-15', '2026-02'],
    [null, ''],
    ['', ''],
  ])('reads the picker value %s as month "%s"', (date, month) => {
    expect(pickerDateToMonth(date)).toBe(month);
  });
});

describe('an instant per UI language', () => {
  it.each([
    ['en', 'Nov 27, 2026, 22:51:55'],
    ['zh-CN', '2026年11月27日 22:51:55'],
    ['zh-TW', '2026年11月27日 22:51:55'],
  ])('%s writes it with the month in words and a 24-hour clock', (locale, expected) => {
    expect(formatInstant('2026-11-27T14:51:55Z', locale, 'Asia/Shanghai')).toBe(expected);
  });
});
