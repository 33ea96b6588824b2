/**
 * Room type and rate plan names as a voucher language writes them: the English name on an English
 * voucher when the property gave one, otherwise the (Chinese) name.
 */
import type { VoucherLanguage } from './voucher-language';

export interface Named {
  id: string;
  name: string;
  nameEn: string | null;
}

export function nameIn(lang: VoucherLanguage, item: { name: string }, known: readonly Named[] | undefined, id: string) {
  const found = known?.find((k) => k.id === id);
  if (lang === 'en' && found?.nameEn) return found.nameEn;
  return found?.name ?? item.name;
}
