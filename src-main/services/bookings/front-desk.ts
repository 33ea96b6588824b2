/**
 * The front desk: room suggestions, check-in, room moves, check-out (early too; a guest's first stay
 * schedules a satisfaction call-back) and housekeeping. The night audit is in night-audit.ts.
 */
import type { Kysely } from 'kysely';
import { AppError } from '@shared/errors';
import { canDo, canSetRoomStatus, isReadyRoom } from '@shared/rules/booking-status';
import { addDays, stayNights } from '@shared/rules/stay';
import type { Database } from '../../db/schema';
import { businessDate } from '../business-date';
import type { HandlerMap } from '../rpc/handler';
import { assertCan, recordChange } from './history';
import { assertSellable, holdNights, releaseNights } from './inventory';
import { findBookingRow, loadBooking } from './read';
import { asChoices, assertRoomFree, claimRoom, roomRow, roomsForStay } from './rooms';
import { earnOnCheckOut } from '../members/stays';
import { isFirstStay, scheduleCallback } from '../callbacks/schedule';
import { toJson } from '@shared/json';

/**
 * Rooms with their type, attendant and, when occupied, the in-house guest; when kept for a guest
 * due today (排房) and not yet here, that guest — all of them, or one.
 */
export async function housekeepingRooms(db: Kysely<Database>, today: string, roomId?: string) {
  let query = db
    .selectFrom('room')
    .innerJoin('room_type', 'room_type.id', 'room.room_type_id')
    .leftJoin('booking', (join) =>
      join.onRef('booking.room_id', '=', 'room.id').on('booking.status', '=', 'checked_in'),
    )
    .leftJoin('guest', 'guest.id', 'booking.guest_id')
    .leftJoin('booking as kept', (join) =>
      join
        .onRef('kept.room_id', '=', 'room.id')
        .on('kept.status', '=', 'confirmed')
        .on('kept.arrival', '<=', today)
        .on('kept.departure', '>', today),
    )
    .leftJoin('guest as kept_guest', 'kept_guest.id', 'kept.guest_id')
    .leftJoin('staff', 'staff.id', 'room.attendant_id')
    .select([
      'room.id',
      'room.number',
      'room.floor',
      'room.status',
      'room.room_type_id',
      'room_type.name as room_type_name',
      'guest.name as guest_name',
      'kept.number as kept_number',
      'kept_guest.name as kept_guest_name',
      'staff.id as attendant_id',
      'staff.display_name as attendant_name',
    ])
    .where('room.deleted_at', 'is', null);
  if (roomId) query = query.where('room.id', '=', roomId);
  const rows = await query.orderBy('room.floor').orderBy('room.number').execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    floor: r.floor,
    roomTypeId: r.room_type_id,
    roomTypeName: r.room_type_name,
    status: r.status,
    guestName: r.guest_name,
    arriving: r.kept_number && r.kept_guest_name ? { number: r.kept_number, guestName: r.kept_guest_name } : null,
    attendant: r.attendant_id && r.attendant_name ? { id: r.attendant_id, name: r.attendant_name } : null,
  }));
}

export const frontDeskHandlers: HandlerMap<
  | 'frontDesk.suggestRooms'
  | 'frontDesk.moveTargets'
  | 'frontDesk.checkIn'
  | 'frontDesk.moveRoom'
  | 'frontDesk.checkOut'
  | 'housekeeping.board'
  | 'housekeeping.setStatus'
> = {
  'frontDesk.suggestRooms': async ({ db }, { bookingId }) => {
    const booking = await findBookingRow(db, bookingId);
    return asChoices(await roomsForStay(db, booking, { roomTypeId: booking.room_type_id, ready: true }), booking);
  },

  'frontDesk.moveTargets': async ({ db }, { bookingId }) => {
    const booking = await findBookingRow(db, bookingId);
    if (!canDo(booking.status, 'moveRoom')) return [];
    const rooms = await roomsForStay(db, booking, { roomTypeId: null, ready: true });
    // A move within the type changes nothing but the room: those first.
    const sameType = (room: { room_type_id: string }) => Number(room.room_type_id === booking.room_type_id);
    return asChoices(
      [...rooms].sort((a, b) => sameType(b) - sameType(a)),
      booking,
    );
  },

  'frontDesk.checkIn': async (ctx, { bookingId, roomId }) => {
    const booking = await findBookingRow(ctx.db, bookingId);
    assertCan(booking.status, 'checkIn');
    const today = await businessDate(ctx.db, ctx.now);
    if (booking.arrival > today || booking.departure <= today) throw new AppError('BOOKING_STATE');
    const room = await roomRow(ctx.db, roomId);
    if (room.room_type_id !== booking.room_type_id || !isReadyRoom(room.status))
      throw new AppError('ROOM_NOT_AVAILABLE', { room: room.number });
    await assertRoomFree(ctx.db, roomId, booking, room.number);
    const at = ctx.now.toISOString();
    await claimRoom(ctx.db, roomId, at);
    await ctx.db
      .updateTable('booking')
      .set({ status: 'checked_in', room_id: roomId, checked_in_at: at, updated_at: at })
      .where('id', '=', bookingId)
      .execute();
    await ctx.db.updateTable('room').set({ status: 'occupied', updated_at: at }).where('id', '=', roomId).execute();
    await recordChange(ctx, bookingId, 'checked_in', null, { room: room.number });
    ctx.audit({
      entityType: 'booking',
      entityId: bookingId,
      before: { status: booking.status },
      after: { status: 'checked_in', room: room.number },
    });
    return loadBooking(ctx.db, bookingId);
  },

  'frontDesk.moveRoom': async (ctx, { bookingId, roomId, reason }) => {
    const booking = await findBookingRow(ctx.db, bookingId);
    assertCan(booking.status, 'moveRoom');
    const from = await roomRow(ctx.db, booking.room_id!);
    const to = await roomRow(ctx.db, roomId);
    if (!isReadyRoom(to.status)) throw new AppError('ROOM_NOT_AVAILABLE', { room: to.number });
    await assertRoomFree(ctx.db, roomId, booking, to.number);
    const at = ctx.now.toISOString();
    await claimRoom(ctx.db, roomId, at);
    if (to.room_type_id !== booking.room_type_id) {
      // The rest of the stay moves to the new type's inventory.
      const today = await businessDate(ctx.db, ctx.now);
      const remaining = stayNights(today, booking.departure);
      await assertSellable(ctx.db, to.room_type_id, remaining, { overbook: false, excludeBookingId: bookingId });
      const kept = stayNights(booking.arrival, today);
      await holdNights(ctx.db, bookingId, booking.room_type_id, kept);
      await ctx.db
        .insertInto('booking_night')
        .values(remaining.map((night) => ({ booking_id: bookingId, night, room_type_id: to.room_type_id })))
        .execute();
      await ctx.db.updateTable('booking').set({ room_type_id: to.room_type_id }).where('id', '=', bookingId).execute();
    }
    await ctx.db.updateTable('booking').set({ room_id: roomId, updated_at: at }).where('id', '=', bookingId).execute();
    await ctx.db
      .updateTable('room')
      .set({ status: 'vacant_dirty', updated_at: at })
      .where('id', '=', from.id)
      .execute();
    await ctx.db.updateTable('room').set({ status: 'occupied', updated_at: at }).where('id', '=', roomId).execute();
    await recordChange(ctx, bookingId, 'room_moved', { room: from.number }, { room: to.number, reason });
    ctx.audit({
      entityType: 'booking',
      entityId: bookingId,
      before: { room: from.number },
      after: { room: to.number, reason },
    });
    return loadBooking(ctx.db, bookingId);
  },

  'frontDesk.checkOut': async (ctx, { bookingId }) => {
    const booking = await loadBooking(ctx.db, bookingId);
    assertCan(booking.status, 'checkOut');
    const today = await businessDate(ctx.db, ctx.now);
    const at = ctx.now.toISOString();
    // An early departure is charged for the nights slept (at least one) and gives the rest back.
    const departure =
      today < booking.departure ? (today > booking.arrival ? today : addDays(booking.arrival, 1)) : booking.departure;
    const nights = booking.nights.filter((n) => n.night < departure);
    const totalFen = nights.reduce((sum, n) => sum + n.priceFen, 0);
    const balance = totalFen - booking.paidFen;
    if (balance > 0) throw new AppError('BALANCE_DUE', { amount: (balance / 100).toFixed(2) });
    if (departure !== booking.departure) {
      await releaseNights(ctx.db, bookingId, departure);
      await recordChange(
        ctx,
        bookingId,
        'early_departure',
        { departure: booking.departure, totalFen: booking.totalFen },
        { departure, totalFen },
      );
    }
    await ctx.db
      .updateTable('booking')
      .set({
        status: 'checked_out',
        departure,
        nights_json: toJson(nights),
        total_fen: totalFen,
        checked_out_at: at,
        updated_at: at,
      })
      .where('id', '=', bookingId)
      .execute();
    await ctx.db
      .updateTable('room')
      .set({ status: 'vacant_dirty', updated_at: at })
      .where('id', '=', booking.room!.id)
      .execute();
    await recordChange(ctx, bookingId, 'checked_out', null, { room: booking.room!.number });
    await earnOnCheckOut(ctx, await findBookingRow(ctx.db, bookingId));
    const firstStay = await isFirstStay(ctx, booking.guest.id, bookingId);
    if (firstStay)
      await scheduleCallback(ctx, { kind: 'first_stay', guestId: booking.guest.id, bookingId, complaintId: null });
    ctx.audit({
      entityType: 'booking',
      entityId: bookingId,
      before: { status: booking.status },
      after: { status: 'checked_out', departure, totalFen, ...(firstStay && { callback: 'first_stay' }) },
    });
    return loadBooking(ctx.db, bookingId);
  },

  'housekeeping.board': async ({ db, now }) => {
    return housekeepingRooms(db, await businessDate(db, now));
  },

  'housekeeping.setStatus': async (ctx, { roomId, status }) => {
    const room = await roomRow(ctx.db, roomId);
    if (!canSetRoomStatus(room.status, status)) throw new AppError('ROOM_STATUS');
    await ctx.db
      .updateTable('room')
      .set({ status, updated_at: ctx.now.toISOString() })
      .where('id', '=', roomId)
      .execute();
    ctx.audit({ entityType: 'room', entityId: roomId, before: { status: room.status }, after: { status } });
    return (await housekeepingRooms(ctx.db, await businessDate(ctx.db, ctx.now), roomId))[0]!;
  },
};
