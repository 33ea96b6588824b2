/**
 * The cancellation terms a voucher prints, in words: "2026年12月8日18:00前免费取消" (the booking's own
 * deadline, from the terms it was made under, in the property's time) followed by each term of
 * its policy. Pure: the caller passes its `t` (in the voucher's language) and money formatter.
 */
import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import type { Booking } from '@shared/contract';
import { freeUntil } from '@shared/rules/cancellation';
import { describePolicy } from '../../cancellations/describe-policy';

/** "2026年12月8日18:00" / "December 8, 2026, 18:00": a deadline with its year, as a guest keeps it. */
export function formatDeadline(iso: string, lang: string, zone: string): string {
  const at = DateTime.fromISO(iso, { zone }).setLocale(lang);
  const date = at.toLocaleString({ year: 'numeric', month: 'long', day: 'numeric' });
  const time = at.toFormat('HH:mm');
  return lang.startsWith('zh') ? `${date}${time}` : `${date}, ${time}`;
}

export function voucherTerms(
  booking: Pick<Booking, 'cancellationPolicy' | 'createdAt' | 'arrival' | 'nights'>,
  property: { timeZone: string; checkInTime: string },
  t: TFunction,
  money: (fen: number) => string,
  lang: string,
  now: Date,
): string[] {
  const policy = booking.cancellationPolicy;
  const stay = {
    createdAt: booking.createdAt,
    arrival: booking.arrival,
    startTime: property.checkInTime,
    nightPricesFen: booking.nights.map((n) => n.priceFen),
  };
  const until = freeUntil(policy, stay, property.timeZone);
  const lines = describePolicy(policy, t, { subject: 'stay', money });
  // Without tiers it is free until the stay begins; the policy's own words say so.
  if (until === null || (policy.tiers.length === 0 && !policy.nonRefundable)) return lines;
  const at = formatDeadline(until, lang, property.timeZone);
  const headline =
    Date.parse(until) > now.getTime() ? t('desk.voucher.freeUntil', { at }) : t('desk.voucher.freeEnded', { at });
  return [headline, ...lines];
}
