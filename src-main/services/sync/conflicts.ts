/**
 * Conflicts the server raised (two desks sold the last room, slot places or points offline):
 * every desk of the property lists them; a supervisor resolves each one here, and the
 * resolution syncs back like any other write.
 */
import type { Kysely } from 'kysely';
import type { ConflictView } from '@shared/contract';
import { AppError } from '@shared/errors';
import { parseNumber } from '@shared/rules/numbers';
import type { ConflictKind, ConflictResolution } from '@shared/sync/conflicts';
import type { Database } from '../../db/schema';
import { recordChange } from '../bookings/history';
import { assertSellable, holdNights } from '../bookings/inventory';
import { findBookingRow } from '../bookings/read';
import { cancelBooking, cancelTicketOrder } from '../cancellations/handlers';
import type { HandlerContext, HandlerMap } from '../rpc/handler';
import { fromJson } from '@shared/json';

const OPTIONS: Record<ConflictKind, ConflictResolution[]> = {
  room_inventory: ['move', 'upgrade', 'accept', 'cancel'],
  ticket_capacity: ['accept', 'cancel'],
  // An overdrawn balance is accepted here; points are put right with an approved adjustment.
  points_balance: ['accept'],
  // A change that no longer applies is acknowledged once someone has dealt with it (a refund, the change made again).
  rebase_refused: ['acknowledge'],
};

type ConflictRow = Awaited<ReturnType<typeof conflictRows>>[number];

function conflictRows(db: Kysely<Database>) {
  return db
    .selectFrom('sync_conflict')
    .leftJoin('booking', (join) =>
      join.onRef('booking.id', '=', 'sync_conflict.subject_id').on('sync_conflict.subject_type', '=', 'booking'),
    )
    .leftJoin('ticket_order', (join) =>
      join
        .onRef('ticket_order.id', '=', 'sync_conflict.subject_id')
        .on('sync_conflict.subject_type', '=', 'ticket_order'),
    )
    .leftJoin('member', (join) =>
      join.onRef('member.id', '=', 'sync_conflict.subject_id').on('sync_conflict.subject_type', '=', 'member'),
    )
    .leftJoin('guest', (join) =>
      join.on((eb) =>
        eb.or([eb('guest.id', '=', eb.ref('booking.guest_id')), eb('guest.id', '=', eb.ref('member.guest_id'))]),
      ),
    )
    .leftJoin('room_type', 'room_type.id', 'booking.room_type_id')
    .selectAll('sync_conflict')
    .select([
      'booking.number as booking_number',
      'ticket_order.number as order_number',
      'member.member_no',
      'guest.name as guest_name',
      'room_type.name as room_type_name',
    ])
    .orderBy('sync_conflict.created_at', 'desc')
    .execute();
}

async function roomTypeNames(db: Kysely<Database>): Promise<Map<string, string>> {
  return new Map((await db.selectFrom('room_type').select(['id', 'name']).execute()).map((r) => [r.id, r.name]));
}

function toView(row: ConflictRow, names: Map<string, string>): ConflictView {
  const detail = fromJson(row.detail_json);
  if (typeof detail.roomTypeId === 'string') detail.roomTypeName = names.get(detail.roomTypeId) ?? detail.roomTypeId;
  const number = row.booking_number ?? row.order_number;
  const { kind } = row;
  return {
    id: row.id,
    kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    // A refused change about no booking, order or member is named by the desk it was made at.
    subjectLabel:
      number ??
      row.member_no ??
      (row.subject_type === 'change' ? String(detail.desk ?? row.subject_id) : row.subject_id),
    guestName: row.guest_name,
    detail,
    deskCode: number ? (parseNumber(number)?.deskCode ?? null) : null,
    status: row.status,
    resolution: row.resolution,
    resolutionNote: row.resolution_note,
    resolvedByName: row.resolved_by_name,
    resolvedAt: row.resolved_at,
    createdAt: row.created_at,
    options: OPTIONS[kind],
  };
}

async function loadConflict(db: Kysely<Database>, id: string): Promise<ConflictView> {
  const row = (await conflictRows(db)).find((r) => r.id === id);
  if (!row) throw new AppError('NOT_FOUND');
  return toView(row, await roomTypeNames(db));
}

/** The guest's money goes back the way they first paid. */
async function firstPaymentMethod(db: Kysely<Database>, bookingId: string) {
  const row = await db
    .selectFrom('payment')
    .select('method')
    .where('booking_id', '=', bookingId)
    .where('kind', '=', 'payment')
    .where('method', '!=', 'points')
    .orderBy('created_at')
    .executeTakeFirst();
  return row && row.method !== 'points' ? row.method : 'cash';
}

/** Another room type for the same nights at the booked price: a move if it is an equal type, an upgrade if better. */
async function changeRoomType(
  ctx: HandlerContext,
  bookingId: string,
  roomTypeId: string,
  resolution: ConflictResolution,
  note: string,
): Promise<void> {
  const booking = await findBookingRow(ctx.db, bookingId);
  if (roomTypeId === booking.room_type_id) throw new AppError('CONFLICT_OPTION_INVALID');
  // A guest in house changes type by moving room at the desk (换房), which gives them a room of it.
  if (booking.status !== 'confirmed') throw new AppError('BOOKING_STATE');
  const nights = (
    await ctx.db
      .selectFrom('booking_night')
      .select('night')
      .where('booking_id', '=', bookingId)
      .orderBy('night')
      .execute()
  ).map((n) => n.night);
  await assertSellable(ctx.db, roomTypeId, nights, { overbook: false, excludeBookingId: bookingId });
  await holdNights(ctx.db, bookingId, roomTypeId, nights);
  const room = booking.room_id
    ? await ctx.db.selectFrom('room').select('room_type_id').where('id', '=', booking.room_id).executeTakeFirst()
    : null;
  await ctx.db
    .updateTable('booking')
    .set({
      room_type_id: roomTypeId,
      room_id: room?.room_type_id === roomTypeId ? booking.room_id : null,
      updated_at: ctx.now.toISOString(),
    })
    .where('id', '=', bookingId)
    .execute();
  await recordChange(
    ctx,
    bookingId,
    'conflict_resolved',
    { roomTypeId: booking.room_type_id },
    { roomTypeId, resolution, note },
  );
}

async function resolveSubject(
  ctx: HandlerContext,
  conflict: ConflictView,
  input: { resolution: ConflictResolution; roomTypeId?: string; note: string; guestInformed: boolean },
) {
  const { resolution, note } = input;
  if (resolution === 'cancel' && !input.guestInformed) throw new AppError('GUEST_NOT_INFORMED');
  if (conflict.subjectType === 'booking') {
    if (resolution === 'move' || resolution === 'upgrade') {
      if (!input.roomTypeId) throw new AppError('INPUT_INVALID', { fields: 'roomTypeId' }, ['roomTypeId']);
      await changeRoomType(ctx, conflict.subjectId, input.roomTypeId, resolution, note);
    }
    if (resolution === 'accept')
      await recordChange(ctx, conflict.subjectId, 'conflict_resolved', null, { resolution, note });
    if (resolution === 'cancel') {
      const booking = await findBookingRow(ctx.db, conflict.subjectId);
      await cancelBooking(ctx, booking, {
        reason: 'property_issue',
        note,
        refundMethod: await firstPaymentMethod(ctx.db, booking.id),
        free: true,
      });
    }
  }
  if (conflict.subjectType === 'ticket_order' && resolution === 'cancel') {
    await cancelTicketOrder(ctx, conflict.subjectId, {
      reason: 'property_issue',
      note,
      refundMethod: 'cash',
      free: true,
    });
  }
}

export const conflictHandlers: HandlerMap<'conflicts.list' | 'conflicts.resolve'> = {
  'conflicts.list': async ({ db }, { status }) => {
    const names = await roomTypeNames(db);
    return (await conflictRows(db)).filter((row) => row.status === status).map((row) => toView(row, names));
  },

  'conflicts.resolve': async (ctx, input) => {
    const conflict = await loadConflict(ctx.db, input.id);
    if (conflict.status !== 'open') throw new AppError('CONFLICT_RESOLVED');
    if (!conflict.options.includes(input.resolution)) throw new AppError('CONFLICT_OPTION_INVALID');
    await resolveSubject(ctx, conflict, input);
    const at = ctx.now.toISOString();
    await ctx.db
      .updateTable('sync_conflict')
      .set({
        status: 'resolved',
        resolution: input.resolution,
        resolution_note: input.note,
        resolved_by: ctx.session.staffId,
        resolved_by_name: ctx.session.displayName,
        resolved_at: at,
        updated_at: at,
      })
      .where('id', '=', input.id)
      .execute();
    ctx.audit({
      entityType: 'sync_conflict',
      entityId: input.id,
      before: { status: 'open' },
      after: { resolution: input.resolution, roomTypeId: input.roomTypeId ?? null, note: input.note },
    });
    return loadConflict(ctx.db, input.id);
  },
};
