/**
 * Room type and rate plan names as a voucher language writes them: the English name on an English
 * voucher when the property gave one, otherwise the (Chinese) name — the UI's rule (localName),
 * applied in the voucher's language rather than the UI's.
 */
import { localName } from '../../../i18n/local-name';
import type { VoucherLanguage } from './voucher-language';

export interface Named {
  id: string;
  name: string;
  nameEn: string | null;
}

export function voucherName(
  lang: VoucherLanguage,
  item: { id: string; name: string },
  known: readonly Named[] | undefined,
) {
  return localName(lang, known, item.id, item.name);
}
