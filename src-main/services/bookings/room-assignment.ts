/**
 * 排房: giving a confirmed booking its room before the guest arrives, so the room is kept for them
 * (no other stay may be given it or checked in to it on those nights) and check-in offers it first.
 * The room must be of the booked type and in service; its housekeeping state may still change
 * before arrival. Taking the room back (null) frees it.
 */
import { AppError } from '@shared/errors';
import type { HandlerMap } from '../rpc/handler';
import { canDo } from '@shared/rules/booking-status';
import { assertCan, recordChange } from './history';
import { findBookingRow, loadBooking } from './read';
import { asChoices, assertRoomFree, claimRoom, roomRow, roomsForStay } from './rooms';

export const roomAssignmentHandlers: HandlerMap<'frontDesk.assignableRooms' | 'frontDesk.assignRoom'> = {
  'frontDesk.assignableRooms': async ({ db }, { bookingId }) => {
    const booking = await findBookingRow(db, bookingId);
    if (!canDo(booking.status, 'assignRoom')) return [];
    const rooms = await roomsForStay(db, booking, { roomTypeId: booking.room_type_id, ready: false });
    return asChoices(rooms, booking);
  },

  'frontDesk.assignRoom': async (ctx, { bookingId, roomId }) => {
    const booking = await findBookingRow(ctx.db, bookingId);
    assertCan(booking.status, 'assignRoom');
    if (roomId === booking.room_id) return loadBooking(ctx.db, bookingId);
    const from = booking.room_id ? await roomRow(ctx.db, booking.room_id) : null;
    const to = roomId ? await roomRow(ctx.db, roomId) : null;
    const at = ctx.now.toISOString();
    if (to) {
      if (to.room_type_id !== booking.room_type_id || to.status === 'out_of_order')
        throw new AppError('ROOM_NOT_AVAILABLE', { room: to.number });
      await assertRoomFree(ctx.db, to.id, booking, to.number);
      await claimRoom(ctx.db, to.id, at);
    }
    await ctx.db.updateTable('booking').set({ room_id: roomId, updated_at: at }).where('id', '=', bookingId).execute();
    const before = { room: from?.number ?? null };
    const after = { room: to?.number ?? null };
    await recordChange(ctx, bookingId, 'room_assigned', before, after);
    ctx.audit({ entityType: 'booking', entityId: bookingId, before, after });
    return loadBooking(ctx.db, bookingId);
  },
};
