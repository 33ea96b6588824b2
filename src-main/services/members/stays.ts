/** What stays do to points: earning at check-out (and an upgrade), giving redemptions back on cancellation, lapsing at the night audit. */
import type { Kysely } from 'kysely';
import { checkOutPoints, expiringBy, qualifyingTier } from '@shared/rules/points';
import type { BookingRow, Database } from '../../db/schema';
import { businessDate } from '../business-date';
import type { HandlerContext } from '../rpc/handler';
import { appendEntry, entryRows, memberTiers, membersPolicy, toLedger } from './ledger';
import { qualifying } from './read';
import { paidFen, writePayment } from '../bookings/payments';

async function activeMemberOf(db: Kysely<Database>, guestId: string) {
  return db
    .selectFrom('member')
    .selectAll()
    .where('guest_id', '=', guestId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

/** Credits room spend (less what points paid) at check-out, then lifts the tier if the stay qualifies it. */
export async function earnOnCheckOut(ctx: HandlerContext, booking: BookingRow): Promise<void> {
  const member = await activeMemberOf(ctx.db, booking.guest_id);
  if (!member) return;
  const tiers = await memberTiers(ctx.db);
  const tier = tiers.find((t) => t.code === member.tier_code) ?? tiers[0]!;
  const stay = {
    totalFen: booking.total_fen,
    paidWithPointsFen: await paidFen(ctx.db, booking.id, 'points'),
    channel: booking.channel,
  };
  const points = checkOutPoints(stay, tier.earnPercent, (await membersPolicy(ctx.db)).nonEarningChannels);
  const today = await businessDate(ctx.db, ctx.now);
  if (points > 0)
    await appendEntry(ctx, {
      memberId: member.id,
      kind: 'earn',
      points,
      on: today,
      bookingId: booking.id,
      note: booking.number,
    });
  const standing = await qualifying(ctx.db, booking.guest_id, today);
  const reached = qualifyingTier(tiers, standing.spendFen, standing.nights);
  if (reached.rank > tier.rank) {
    await ctx.db
      .updateTable('member')
      .set({ tier_code: reached.code, updated_at: ctx.now.toISOString() })
      .where('id', '=', member.id)
      .execute();
  }
}

/** Gives back every redemption made for a booking, points to the ledger and their payment off the folio. */
export async function reverseRedemptions(ctx: HandlerContext, bookingId: string): Promise<void> {
  const redemptions = await ctx.db
    .selectFrom('points_entry')
    .selectAll()
    .where('booking_id', '=', bookingId)
    .where('kind', '=', 'redeem')
    .execute();
  if (redemptions.length === 0) return;
  const today = await businessDate(ctx.db, ctx.now);
  for (const redemption of redemptions) {
    const reversed = await ctx.db
      .selectFrom('points_entry')
      .select('id')
      .where('reverses_id', '=', redemption.id)
      .executeTakeFirst();
    if (reversed || redemption.status === 'void') continue;
    // Never posted by the server: the redemption is called off, no points are given back for it.
    if (redemption.status === 'pending') {
      await ctx.db.updateTable('points_entry').set({ status: 'void' }).where('id', '=', redemption.id).execute();
      continue;
    }
    await appendEntry(ctx, {
      memberId: redemption.member_id,
      kind: 'reverse',
      points: -redemption.points,
      on: today,
      bookingId,
      reversesId: redemption.id,
      note: 'cancelled',
    });
  }
  const paid = await paidFen(ctx.db, bookingId, 'points');
  if (paid > 0) {
    await writePayment(ctx, {
      bookingId,
      kind: 'refund',
      method: 'points',
      amountFen: paid,
      reference: 'points returned',
    });
  }
}

/** Lapses, oldest first, the points whose validity ended on or before the closing date. */
export async function expirePoints(ctx: HandlerContext, closing: string): Promise<number> {
  const members = await ctx.db
    .selectFrom('points_entry')
    .select('member_id')
    .distinct()
    .where('points', '>', 0)
    .where('expires_on', '<=', closing)
    .execute();
  let lapsed = 0;
  for (const { member_id } of members) {
    const points = expiringBy(toLedger(await entryRows(ctx.db, member_id)), closing);
    if (points <= 0) continue;
    await appendEntry(ctx, {
      memberId: member_id,
      kind: 'expire',
      points: -points,
      on: closing,
      note: `expired by ${closing}`,
    });
    lapsed += points;
  }
  return lapsed;
}
