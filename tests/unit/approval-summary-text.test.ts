/**
 * An approver reads a held operation's summary in the UI language: every kind of value the
 * services can send, in each language through the real catalogs, with the property's local dates
 * written as the language writes dates (2026年12月8日, Dec 8, 2026), never as ISO text.
 */
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalSummaryValue } from '@shared/contract';
import { en } from '../../src-renderer/i18n/locales/en';
import { zhCN } from '../../src-renderer/i18n/locales/zh-CN';
import { zhTW } from '../../src-renderer/i18n/locales/zh-TW';
import { formatDay, formatDayRange, moneyFormat } from '../../src-renderer/i18n/format';
import { subjectText, summaryValueText } from '../../src-renderer/features/approvals/summary-text';

const LOCALES = ['zh-CN', 'zh-TW', 'en'] as const;
const ISO_DAY = /\d{4}-\d{2}-\d{2}/;

/** One value of every kind: a kind added to the contract and missing here is a type error. */
const EVERY_KIND: { [K in ApprovalSummaryValue['kind']]: Extract<ApprovalSummaryValue, { kind: K }> } = {
  text: { kind: 'text', text: '豪华大床房', en: 'Deluxe King' },
  money: { kind: 'money', fen: -40_000 },
  moneyChange: { kind: 'moneyChange', beforeFen: 240_000, afterFen: 200_000 },
  points: { kind: 'points', points: 500 },
  stay: { kind: 'stay', arrival: '2026-12-08', departure: '2026-12-10', nights: 2 },
  date: { kind: 'date', date: '2026-12-08' },
  word: { kind: 'word', word: 'free_night' },
  everything: { kind: 'everything' },
};

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({
    lng: 'zh-CN',
    ns: ['ui'],
    defaultNS: 'ui',
    resources: { en: { ui: en }, 'zh-CN': { ui: zhCN }, 'zh-TW': { ui: zhTW } },
    interpolation: { escapeValue: false },
  });
  t = i18n.t;
});

function render(value: ApprovalSummaryValue, locale: string): string {
  const fixed = ((key: string, options?: Record<string, unknown>) =>
    (t as unknown as (key: string, options: Record<string, unknown>) => string)(key, {
      ...options,
      lng: locale,
    })) as unknown as TFunction;
  return summaryValueText(value, { t: fixed, locale, money: moneyFormat(locale, 'CNY') });
}

describe('a calendar day and a range of days per UI language', () => {
  it.each([
    ['zh-CN', '2026年12月8日'],
    ['zh-TW', '2026年12月8日'],
    ['en', 'Dec 8, 2026'],
  ])('%s writes 2026-12-08 as %s', (locale, expected) => {
    expect(formatDay('2026-12-08', locale)).toBe(expected);
  });

  it.each([
    ['zh-CN', '2026-12-08', '2026-12-10', '2026年12月8日–12月10日'],
    ['en', '2026-12-08', '2026-12-10', 'Dec 8 – Dec 10, 2026'],
    ['zh-CN', '2026-11-30', '2026-12-01', '2026年11月30日–12月1日'],
    ['zh-CN', '2026-12-31', '2027-01-02', '2026年12月31日 – 2027年1月2日'],
    ['en', '2026-12-31', '2027-01-02', 'Dec 31, 2026 – Jan 2, 2027'],
  ])('%s writes %s to %s as %s (the year once when both days share it)', (locale, from, to, expected) => {
    expect(formatDayRange(from, to, locale)).toBe(expected);
  });

  it('a local date is the same day whatever the PC zone (read in UTC, not shifted)', () => {
    expect(formatDay('2026-01-01', 'en')).toBe('Jan 1, 2026');
    expect(formatDay('2026-12-31', 'zh-CN')).toBe('2026年12月31日');
  });

  it('what is not a day is shown as given', () => {
    expect(formatDay('2026-02-30', 'en')).toBe('2026-02-30');
    expect(formatDay('', 'zh-CN')).toBe('');
  });
});

describe('every kind of summary value in every UI language', () => {
  it.each(LOCALES)('%s: no value is empty, none shows an ISO date', (locale) => {
    for (const value of Object.values(EVERY_KIND)) {
      const text = render(value, locale);
      expect(text, value.kind).not.toBe('');
      expect(text, value.kind).not.toMatch(ISO_DAY);
      expect(text, value.kind).not.toMatch(/approvalSummary|desk\./);
    }
  });

  it.each([
    ['zh-CN', 'stay', '2026年12月8日–12月10日（2 晚）'],
    ['zh-TW', 'stay', '2026年12月8日–12月10日（2 晚）'],
    ['en', 'stay', 'Dec 8 – Dec 10, 2026 (2 nights)'],
    ['zh-CN', 'date', '2026年12月8日'],
    ['en', 'date', 'Dec 8, 2026'],
    ['zh-CN', 'text', '豪华大床房'],
    ['en', 'text', 'Deluxe King'],
    ['zh-CN', 'moneyChange', '¥2,400.00 → ¥2,000.00'],
    ['en', 'points', '+500 pts'],
    ['zh-CN', 'word', '免费房晚'],
  ] as const)('%s writes a %s value as %s', (locale, kind, expected) => {
    expect(render(EVERY_KIND[kind], locale)).toBe(expected);
  });
});

describe("a request's stored subject label", () => {
  it.each([
    ['zh-CN', '王芳 · 套房 · 2026-12-08 → 2026-12-10', '王芳 · 套房 · 2026年12月8日 → 2026年12月10日'],
    ['en', '王芳 · 套房 · 2026-12-08 → 2026-12-10', '王芳 · 套房 · Dec 8, 2026 → Dec 10, 2026'],
    ['en', '2026-11-26', 'Nov 26, 2026'],
    ['zh-CN', 'B20261208-0001', 'B20261208-0001'],
    ['zh-CN', '合同 · v2 · 2026-13-45.pdf', '合同 · v2 · 2026-13-45.pdf'],
  ])('%s shows %s as %s', (locale, label, expected) => {
    expect(subjectText(label, locale)).toBe(expected);
  });
});
