/**
 * Points a desk credits or spends: earned at check-out on the room spend not paid with points at
 * the member's tier multiplier (nothing on channels the policy excludes), the money a redemption
 * pays onto a booking at the policy's point value, and the redemptions a cancellation gives back.
 */
import { checkOutPoints, redemptionValueFen } from '@shared/rules/points';
import { addMonths } from '@shared/time';
import type { Rejection } from '../authority';
import type { RowIn } from '../rows';
import { inputOf, mismatch, type Derivation } from './facts';

/** frontDesk.checkOut: the earn entry, if the desk wrote one, is what the stay earns the guest's member by the server's tiers and policy. */
export async function checkEarned(d: Derivation): Promise<Rejection | null> {
  const earned = d.rows.inserted('points_entry');
  if (earned.length === 0) return null;
  if (earned.length > 1) return mismatch(`${earned.length} earn entries for one stay`);
  const entry = earned[0]!;
  const booking =
    entry.booking_id === null
      ? null
      : (d.rows.written('booking').get(entry.booking_id) ?? (await d.facts.row('booking', entry.booking_id)));
  // The tier the member held before the stay decides; an upgrade the stay brings counts from the next one.
  const member =
    d.rows.updated('member').find(({ before }) => before.id === entry.member_id)?.before ??
    (await d.facts.row('member', entry.member_id));
  if (!booking || !member || member.status !== 'active' || member.guest_id !== booking.guest_id)
    return mismatch(`earn entry for a member who is not the guest's`);
  const tiers = await d.facts.tiers();
  const tier = tiers.find((t) => t.code === member.tier_code) ?? tiers[0];
  if (!tier) return mismatch('no member tiers on the server');
  const policy = await d.facts.membersPolicy();
  const stay = {
    totalFen: booking.total_fen,
    paidWithPointsFen: await d.facts.paidFen(booking.id, 'points'),
    channel: booking.channel,
  };
  const expected = checkOutPoints(stay, tier.earnPercent, policy.nonEarningChannels);
  if (entry.points !== expected)
    return mismatch(`booking ${booking.number}: earns ${entry.points} points, the stay earns ${expected}`);
  if (entry.expires_on !== addMonths(entry.earned_on, policy.validityMonths))
    return mismatch(`earned points expire on ${entry.expires_on}, not after ${policy.validityMonths} months`);
  return null;
}

/** members.redeem: the redemption takes the input's points and pays their value onto the booking. */
export async function checkRedemption(d: Derivation): Promise<Rejection | null> {
  const points = inputOf(d.mutation).points;
  if (typeof points !== 'number' || !Number.isInteger(points) || points <= 0)
    return mismatch('points is not a number of points');
  const entries = d.rows.inserted('points_entry');
  const payments = d.rows.inserted('payment');
  if (entries.length !== 1 || payments.length !== 1)
    return mismatch('a redemption is one ledger entry and one payment');
  if (entries[0]!.points !== -points) return mismatch(`redeems ${-entries[0]!.points} points, the input ${points}`);
  const value = redemptionValueFen(points, (await d.facts.membersPolicy()).pointValueFen);
  if (payments[0]!.amount_fen !== value)
    return mismatch(`${points} points pay ${payments[0]!.amount_fen}, their value is ${value}`);
  return null;
}

/**
 * A cancelled booking's redemptions come back: one reversal of each redemption made for it and not
 * yet reversed, for its points, to its member; nothing else. Null when they do.
 */
export async function checkReversals(d: Derivation, booking: RowIn<'booking'>): Promise<string | null> {
  const what = `booking ${booking.number}`;
  const reversals = d.rows.inserted('points_entry').filter((entry) => entry.booking_id === booking.id);
  const members = new Set([
    ...(await d.facts.mentioning('member', 'guest_id', booking.guest_id)).map(({ row }) => row.id),
    ...reversals.map((r) => r.member_id),
  ]);
  const ledger = await d.facts.entries([...members]);
  const reversed = new Set(ledger.map((entry) => entry.reverses_id).filter((id) => id !== null));
  // A redemption the server never posted is voided by the cancellation instead; one it posted comes back as a reversal.
  const voided = new Set(
    d.rows
      .updated('points_entry')
      .filter(({ before, after }) => before.status === 'pending' && after.status === 'void')
      .map(({ after }) => after.id),
  );
  const open = ledger.filter(
    (entry) =>
      entry.kind === 'redeem' &&
      entry.booking_id === booking.id &&
      entry.status !== 'void' &&
      !reversed.has(entry.id) &&
      !voided.has(entry.id),
  );
  if ([...voided].some((id) => !ledger.some((entry) => entry.id === id && entry.booking_id === booking.id)))
    return `${what}: voids a redemption of another booking`;
  const claimed = new Map(reversals.map((r) => [r.reverses_id, r]));
  if (claimed.size !== reversals.length || claimed.size !== open.length)
    return `${what}: gives back ${reversals.length} redemptions, ${open.length} are open`;
  for (const redemption of open) {
    const reversal = claimed.get(redemption.id);
    if (!reversal || reversal.member_id !== redemption.member_id || reversal.points !== -redemption.points)
      return `${what}: gives back redemption ${redemption.id} wrongly`;
  }
  return null;
}
