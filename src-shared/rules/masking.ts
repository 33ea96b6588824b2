/** How personal data shows in lists: enough to recognise, not enough to copy. */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  if (phone.length <= 7) return phone.replace(/.(?=.{2})/g, '*');
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/**
 * ID numbers (resident ID cards, passports, permits): the first 3 and last 4 characters of an
 * 18-digit ID card, e.g. 110***********1234. Shorter numbers would show most of themselves that
 * way, so below 12 characters only the first and the last 2 remain.
 */
export function maskIdNumber(idNumber: string): string;
export function maskIdNumber(idNumber: string | null): string | null;
export function maskIdNumber(idNumber: string | null): string | null {
  if (!idNumber) return idNumber;
  if (idNumber.length < 12)
    return idNumber.length <= 3
      ? '*'.repeat(idNumber.length)
      : `${idNumber[0]}${'*'.repeat(idNumber.length - 3)}${idNumber.slice(-2)}`;
  return `${idNumber.slice(0, 3)}${'*'.repeat(idNumber.length - 7)}${idNumber.slice(-4)}`;
}
