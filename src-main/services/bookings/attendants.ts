/**
 * Housekeeping attendants: the active staff a room may be assigned to, and the assignment itself
 * (room.attendant_id). A disabled or deleted member of staff cannot be given a room.
 */
import { AppError } from '@shared/errors';
import type { HandlerMap } from '../rpc/handler';
import { housekeepingRooms } from './front-desk';
import { businessDate } from '../business-date';

export const attendantHandlers: HandlerMap<'housekeeping.attendants' | 'housekeeping.assign'> = {
  'housekeeping.attendants': async ({ db }) => {
    const rows = await db
      .selectFrom('staff')
      .select(['id', 'display_name'])
      .where('active', '=', 1)
      .where('deleted_at', 'is', null)
      .orderBy('display_name')
      .execute();
    return rows.map((row) => ({ id: row.id, name: row.display_name }));
  },

  'housekeeping.assign': async (ctx, { roomId, attendantId }) => {
    const room = await ctx.db
      .selectFrom('room')
      .select(['id', 'attendant_id'])
      .where('id', '=', roomId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!room) throw new AppError('NOT_FOUND');
    if (attendantId !== null) {
      const staff = await ctx.db
        .selectFrom('staff')
        .select(['active'])
        .where('id', '=', attendantId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (!staff || staff.active !== 1) throw new AppError('ATTENDANT_NOT_ACTIVE');
    }
    await ctx.db
      .updateTable('room')
      .set({ attendant_id: attendantId, updated_at: ctx.now.toISOString() })
      .where('id', '=', roomId)
      .execute();
    ctx.audit({
      entityType: 'room',
      entityId: roomId,
      before: { attendant: room.attendant_id },
      after: { attendant: attendantId },
    });
    return (await housekeepingRooms(ctx.db, await businessDate(ctx.db, ctx.now), roomId))[0]!;
  },
};
