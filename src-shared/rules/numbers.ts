/**
 * Human numbers unique across desks without a server: a prefix, the business date, the desk's
 * code and a per-desk, per-day sequence — e.g. B261126-5ZMM-007. Prefixes: B booking, T ticket order,
 * X cancellation, K complaint (客诉).
 */
export type NumberPrefix = 'B' | 'T' | 'X' | 'K';

export function formatNumber(prefix: NumberPrefix, businessDate: string, deskCode: string, sequence: number): string {
  const yymmdd = businessDate.slice(2).replaceAll('-', '');
  return `${prefix}${yymmdd}-${deskCode}-${String(sequence).padStart(3, '0')}`;
}

const PATTERN = /^([BTXK])(\d{6})-([A-Z0-9]{4})-(\d{3,})$/;

export function parseNumber(
  value: string,
): { prefix: NumberPrefix; businessDate: string; deskCode: string; sequence: number } | null {
  const match = PATTERN.exec(value.trim().toUpperCase());
  if (!match) return null;
  const [, prefix, yymmdd, deskCode, sequence] = match;
  return {
    prefix: prefix as NumberPrefix,
    businessDate: `20${yymmdd!.slice(0, 2)}-${yymmdd!.slice(2, 4)}-${yymmdd!.slice(4, 6)}`,
    deskCode: deskCode!,
    sequence: Number(sequence),
  };
}
