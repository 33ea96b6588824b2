/** The choices offered for a property's time zone and currency. */
import { isTimeZone } from '@shared/contract/fields';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_CURRENCY = 'CNY';

/** IANA zones the runtime knows (with UTC first), as accepted by the contract. */
export const timeZoneOptions: string[] = [
  'UTC',
  ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC' && isTimeZone(zone)),
];

const COMMON_CURRENCIES = [
  'CNY',
  'HKD',
  'MOP',
  'TWD',
  'USD',
  'EUR',
  'JPY',
  'KRW',
  'SGD',
  'THB',
  'MYR',
  'GBP',
  'AUD',
  'CAD',
  'CHF',
  'NZD',
  'VND',
  'PHP',
  'IDR',
];

/** Currency codes with their name in the UI language, e.g. "CNY · 人民币". */
export function currencyOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  return COMMON_CURRENCIES.filter((code) => Intl.supportedValuesOf('currency').includes(code)).map((code) => ({
    value: code,
    label: `${code} · ${names.of(code) ?? code}`,
  }));
}
