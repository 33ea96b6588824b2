/** The languages a confirmation voucher is printed in, whatever the UI language is. */
import type { Locale } from '@shared/i18n/errors';

export const VOUCHER_LANGUAGES = [
  { lang: 'zh-CN', label: 'desk.voucher.zhCN' },
  { lang: 'en', label: 'desk.voucher.en' },
] as const satisfies readonly { lang: Locale; label: string }[];

export type VoucherLanguage = (typeof VOUCHER_LANGUAGES)[number]['lang'];

export function voucherLanguage(value: string | null): VoucherLanguage {
  return VOUCHER_LANGUAGES.find((l) => l.lang === value)?.lang ?? 'zh-CN';
}
