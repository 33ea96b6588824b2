/** Enrolment, card lookup, the points check at booking, redemption, adjustments, tiers, re-evaluation and care. */
import { AppError } from '@shared/errors';
import { canDo } from '@shared/rules/booking-status';
import { qualifyingTier, redeemableFor } from '@shared/rules/points';
import { newId } from '../made';
import { businessDate } from '../business-date';
import { writePayment } from '../bookings/payments';
import { findBookingRow, loadBooking } from '../bookings/read';
import { activeGuest } from '../guests/rows';
import { nextDeskCode } from '../numbers';
import type { HandlerContext, HandlerMap } from '../rpc/handler';
import { appendEntry, entryRows, memberTiers, membersPolicy, toLedger } from './ledger';
import { ledgerOf, loadMember, memberRow, qualifying, toMember } from './read';
import { careTasks } from './care';

async function pendingRedeemedHere(ctx: HandlerContext): Promise<number> {
  const { n } = await ctx.db
    .selectFrom('points_entry')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('points'), eb.lit(0)).as('n'))
    .where('status', '=', 'pending')
    .where('kind', '=', 'redeem')
    .where('desk_id', '=', ctx.device.id)
    .executeTakeFirstOrThrow();
  return -Number(n);
}

async function entryById(ctx: HandlerContext, memberId: string, id: string) {
  const entry = (await ledgerOf(ctx.db, memberId)).find((e) => e.id === id);
  if (!entry) throw new AppError('NOT_FOUND');
  return entry;
}

export const memberHandlers: HandlerMap<
  | 'members.enrol'
  | 'members.get'
  | 'members.forGuest'
  | 'members.lookup'
  | 'members.pointsCheck'
  | 'members.ledger'
  | 'members.redeem'
  | 'members.adjust'
  | 'members.tiers'
  | 'members.policy'
  | 'members.reevaluate'
  | 'members.care'
  | 'members.tickCare'
> = {
  'members.enrol': async (ctx, { guestId, cardNo, birthday }) => {
    const guest = await activeGuest(ctx.db, guestId);
    const existing = await ctx.db
      .selectFrom('member')
      .select('member_no')
      .where('guest_id', '=', guestId)
      .executeTakeFirst();
    if (existing) throw new AppError('ALREADY_MEMBER', { memberNo: existing.member_no });
    if (cardNo && (await ctx.db.selectFrom('member').select('id').where('card_no', '=', cardNo).executeTakeFirst()))
      throw new AppError('CODE_TAKEN', { code: cardNo });
    const at = ctx.now.toISOString();
    const id = newId();
    const memberNo = await nextDeskCode(ctx.db, ctx, 'M');
    const [base] = await memberTiers(ctx.db);
    await ctx.db
      .insertInto('member')
      .values({
        id,
        guest_id: guestId,
        member_no: memberNo,
        card_no: cardNo,
        tier_code: base!.code,
        joined_on: await businessDate(ctx.db, ctx.now),
        birthday,
        status: 'active',
        created_at: at,
        updated_at: at,
        server_version: null,
      })
      .execute();
    ctx.audit({ entityType: 'member', entityId: id, after: { memberNo, guest: guest.name, cardNo } });
    return loadMember(ctx.db, id, ctx.now);
  },

  'members.get': ({ db, now }, { id }) => loadMember(db, id, now),

  'members.forGuest': async ({ db, now }, { guestId }) => {
    const row = await db.selectFrom('member').selectAll().where('guest_id', '=', guestId).executeTakeFirst();
    return row ? toMember(db, row, now) : null;
  },

  'members.lookup': async ({ db, now }, { number }) => {
    const row = await db
      .selectFrom('member')
      .selectAll()
      .where((eb) => eb.or([eb('member_no', '=', number), eb('card_no', '=', number)]))
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    return toMember(db, row, now);
  },

  'members.pointsCheck': async ({ db, now }, { memberId, arrival }) => {
    const member = await loadMember(db, memberId, now);
    return {
      member,
      redeemable: redeemableFor(toLedger(await entryRows(db, memberId)), arrival),
      pointValueFen: (await membersPolicy(db)).pointValueFen,
    };
  },

  'members.ledger': ({ db }, { memberId }) => ledgerOf(db, memberId),

  'members.redeem': async (ctx, { memberId, bookingId, points }) => {
    const member = await memberRow(ctx.db, memberId);
    if (member.status !== 'active') throw new AppError('NOT_A_MEMBER');
    const booking = await findBookingRow(ctx.db, bookingId);
    if (booking.guest_id !== member.guest_id) throw new AppError('NOT_A_MEMBER');
    if (!canDo(booking.status, 'pay') || booking.status === 'checked_out' || booking.status === 'no_show')
      throw new AppError('BOOKING_STATE');
    const available = redeemableFor(toLedger(await entryRows(ctx.db, memberId)), booking.arrival);
    if (points > available) throw new AppError('POINTS_INSUFFICIENT', { available });
    const policy = await membersPolicy(ctx.db);
    if ((await pendingRedeemedHere(ctx)) + points > policy.offlineRedeemCapPoints)
      throw new AppError('POINTS_OFFLINE_CAP', { cap: policy.offlineRedeemCapPoints });
    const valueFen = points * policy.pointValueFen;
    const { balanceFen } = await loadBooking(ctx.db, bookingId);
    if (valueFen > balanceFen) throw new AppError('INPUT_INVALID', { fields: 'points' }, ['points']);
    const id = await appendEntry(ctx, {
      memberId,
      kind: 'redeem',
      points: -points,
      on: await businessDate(ctx.db, ctx.now),
      bookingId,
      note: booking.number,
      pending: true,
    });
    await writePayment(ctx, {
      bookingId,
      kind: 'payment',
      method: 'points',
      amountFen: valueFen,
      reference: member.member_no,
    });
    ctx.audit({
      entityType: 'member',
      entityId: memberId,
      after: { redeemed: points, valueFen, booking: booking.number },
    });
    return entryById(ctx, memberId, id);
  },

  'members.adjust': async (ctx, { memberId, points, note }) => {
    await memberRow(ctx.db, memberId);
    if (points < 0) {
      const available = redeemableFor(toLedger(await entryRows(ctx.db, memberId)), await businessDate(ctx.db, ctx.now));
      if (-points > available) throw new AppError('POINTS_INSUFFICIENT', { available });
    }
    const id = await appendEntry(ctx, {
      memberId,
      kind: 'adjust',
      points,
      on: await businessDate(ctx.db, ctx.now),
      note,
    });
    ctx.audit({ entityType: 'member', entityId: memberId, after: { adjusted: points, note } });
    return entryById(ctx, memberId, id);
  },

  'members.tiers': ({ db }) => memberTiers(db),
  'members.policy': ({ db }) => membersPolicy(db),

  'members.reevaluate': async (ctx) => {
    const tiers = await memberTiers(ctx.db);
    const today = await businessDate(ctx.db, ctx.now);
    const changed: { memberNo: string; from: string; to: string }[] = [];
    for (const member of await ctx.db.selectFrom('member').selectAll().where('status', '=', 'active').execute()) {
      const standing = await qualifying(ctx.db, member.guest_id, today);
      const tier = qualifyingTier(tiers, standing.spendFen, standing.nights);
      if (tier.code === member.tier_code) continue;
      await ctx.db
        .updateTable('member')
        .set({ tier_code: tier.code, updated_at: ctx.now.toISOString() })
        .where('id', '=', member.id)
        .execute();
      changed.push({ memberNo: member.member_no, from: member.tier_code, to: tier.code });
    }
    ctx.audit({ entityType: 'member_tier', entityId: today, after: { changed } });
    return { changed };
  },

  'members.care': (ctx) => careTasks(ctx.db, ctx.now),

  'members.tickCare': async (ctx, { memberId, kind, period }) => {
    await memberRow(ctx.db, memberId);
    await ctx.db
      .insertInto('care_task')
      .values({ member_id: memberId, kind, period, done_at: ctx.now.toISOString(), done_by: ctx.session.displayName })
      .onConflict((oc) => oc.doNothing())
      .execute();
    ctx.audit({ entityType: 'member', entityId: memberId, after: { care: kind, period } });
    const task = (await careTasks(ctx.db, ctx.now)).find(
      (t) => t.member.id === memberId && t.kind === kind && t.period === period,
    );
    if (!task) throw new AppError('NOT_FOUND');
    return task;
  },
};
