/**
 * The forms in which a guest's phone and ID number are sealed, looked up and searched. One
 * normal form per field, so that the keyed hash (HMAC) of what a desk typed matches the one
 * stored whatever spaces, dashes or letter case the other desk used.
 */

/** An ID number as compared: no whitespace, upper case (the X of a resident ID card, passport letters). */
export function normaliseIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** A phone number as compared: its digits, after a leading + when it has one. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  return raw.trim().startsWith('+') ? `+${digits}` : digits;
}

/** What a phone is searched by without the key: its last four digits. */
export function phoneLast4(normalised: string): string | null {
  const digits = normalised.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/** The shortest text that is taken as an ID number in a search (a passport's letters and digits count). */
export const ID_SEARCH_MIN = 6;

/**
 * Whether a search text could be an ID number: at least ID_SEARCH_MIN letters and digits, nothing
 * else once spaces are taken out, and at least one digit. Such a search looks the number up whole
 * (never a piece of it) and is written to the audit trail, whatever it finds.
 */
export function mayBeIdNumber(text: string): boolean {
  const normalised = normaliseIdNumber(text);
  return normalised.length >= ID_SEARCH_MIN && /^[0-9A-Z]+$/.test(normalised) && /[0-9]/.test(normalised);
}

/** Whether a search text is a phone number to look up whole (5 digits or more; 4 digits are the last four). */
export function searchedPhone(text: string): { last4: string } | { full: string } | null {
  if (!/^\+?[0-9 ()-]+$/.test(text.trim())) return null;
  const phone = normalisePhone(text);
  const digits = phone.replace(/\D/g, '');
  if (digits.length === 4) return { last4: digits };
  return digits.length >= 5 ? { full: phone } : null;
}

/** The name an erased guest keeps: the stay still counts in reports, the person is gone. */
export const ERASED_GUEST_NAME = '已删除客人';
