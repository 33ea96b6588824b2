/**
 * The contested resources, counted after a mutation's effects are applied and only where the
 * mutation added to them: room-type nights, ticket slot capacity, a member's points balance.
 * Rules decide from counts; nothing here writes.
 */
import type { ConflictKind, ConflictSubject } from '@shared/sync/conflicts';
import type { Effect } from '@shared/sync/protocol';
import { SNAPSHOT_OPERATION } from '@shared/sync/protocol';
import { firstSoldOutNight, type NightInventory } from '@shared/rules/availability';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { countGroupRows, groupRows, readRow, readRows, writesTo, type RowWrite } from './rows';

/** A row as it was before the mutation and after it (null: absent or deleted). */
export type AppliedWrite = RowWrite;

export interface Contest {
  kind: ConflictKind;
  subjectType: ConflictSubject;
  subjectId: string;
  detail: Record<string, unknown>;
}

/**
 * Sales past the last room that are already decided: an approved overbooking, a supervisor's
 * conflict resolution, and the founding desk's snapshot of what it sold alone.
 */
const APPROVED_OVERBOOKING = new Set(['bookings.overbook', 'conflicts.resolve', SNAPSHOT_OPERATION]);

export async function findContests(
  db: Kysely<Database>,
  propertyId: string,
  name: string,
  writes: readonly AppliedWrite[],
): Promise<Contest[]> {
  return [
    ...(APPROVED_OVERBOOKING.has(name) ? [] : await roomInventory(db, propertyId, writes)),
    ...(await ticketCapacity(db, propertyId, writes)),
    ...(await pointsBalance(db, propertyId, writes)),
  ];
}

async function roomInventory(
  db: Kysely<Database>,
  propertyId: string,
  writes: readonly AppliedWrite[],
): Promise<Contest[]> {
  const addedNights = new Map<string, { key: string; night: string; roomTypeId: string }[]>();
  for (const { key, before, after } of writesTo(writes, 'booking_night')) {
    if (!after || (before && before.room_type_id === after.room_type_id)) continue;
    const bookingId = after.booking_id;
    addedNights.set(bookingId, [
      ...(addedNights.get(bookingId) ?? []),
      { key, night: after.night, roomTypeId: after.room_type_id },
    ]);
  }

  const sellable = new Map<string, number>();
  const sellableRooms = async (roomTypeId: string): Promise<number> => {
    if (!sellable.has(roomTypeId)) {
      const rooms = await groupRows(db, propertyId, 'room', [roomTypeId]);
      sellable.set(
        roomTypeId,
        rooms.filter(({ row }) => row.status !== 'out_of_order' && row.deleted_at == null).length,
      );
    }
    return sellable.get(roomTypeId)!;
  };

  const contests: Contest[] = [];
  for (const [bookingId, nights] of addedNights) {
    // `sold` counts the other bookings' nights: a night sold out before this booking is one it oversold.
    const inventory: (NightInventory & { roomTypeId: string })[] = [];
    for (const { key, night, roomTypeId } of [...nights].sort((a, b) => a.night.localeCompare(b.night))) {
      const sold = await countGroupRows(db, propertyId, 'booking_night', [`${roomTypeId}|${night}`], key);
      inventory.push({ night, roomTypeId, rooms: await sellableRooms(roomTypeId), sold });
    }
    const oversold = inventory.find((n) => n.night === firstSoldOutNight(inventory));
    if (oversold) {
      const { night, roomTypeId, rooms, sold } = oversold;
      contests.push({
        kind: 'room_inventory',
        subjectType: 'booking',
        subjectId: bookingId,
        detail: { night, roomTypeId, rooms, sold: sold + 1 },
      });
    }
  }
  return contests;
}

async function ticketCapacity(
  db: Kysely<Database>,
  propertyId: string,
  writes: readonly AppliedWrite[],
): Promise<Contest[]> {
  const touched = new Set<string>();
  for (const { key, before, after } of writesTo(writes, 'ticket_order'))
    if (after?.status === 'sold' && before?.status !== 'sold') touched.add(key);
  for (const { before, after } of writesTo(writes, 'ticket_visitor')) if (after && !before) touched.add(after.order_id);
  const orders = [...(await readRows(db, propertyId, 'ticket_order', [...touched]))].filter(
    ([, order]) => order.status === 'sold',
  );
  const bySlot = new Map<string, { slotId: string; visitDate: string; orderIds: string[] }>();
  for (const [id, order] of orders) {
    const group = `${order.slot_id}|${order.visit_date}`;
    const entry = bySlot.get(group) ?? { slotId: order.slot_id, visitDate: order.visit_date, orderIds: [] };
    entry.orderIds.push(id);
    bySlot.set(group, entry);
  }

  const contests: Contest[] = [];
  for (const [group, { slotId, visitDate, orderIds }] of bySlot) {
    const slot = await readRow(db, propertyId, 'ticket_slot', slotId);
    if (!slot) continue;
    const capacity = slot.capacity;
    const soldOrders = (await groupRows(db, propertyId, 'ticket_order', [group])).filter(
      ({ row }) => row.status === 'sold',
    );
    const sold = await countGroupRows(
      db,
      propertyId,
      'ticket_visitor',
      soldOrders.map(({ key }) => key),
    );
    if (sold <= capacity) continue;
    for (const orderId of orderIds) {
      contests.push({
        kind: 'ticket_capacity',
        subjectType: 'ticket_order',
        subjectId: orderId,
        detail: { slotId, visitDate, capacity, sold },
      });
    }
  }
  return contests;
}

async function pointsBalance(
  db: Kysely<Database>,
  propertyId: string,
  writes: readonly AppliedWrite[],
): Promise<Contest[]> {
  const members = new Set<string>();
  for (const { before, after } of writesTo(writes, 'points_entry')) {
    if (!after || after.points >= 0) continue;
    if (!before || before.points > after.points) members.add(after.member_id);
  }
  const contests: Contest[] = [];
  for (const memberId of members) {
    const entries = await groupRows(db, propertyId, 'points_entry', [memberId]);
    const balance = entries.filter(({ row }) => row.status !== 'void').reduce((sum, { row }) => sum + row.points, 0);
    if (balance < 0)
      contests.push({ kind: 'points_balance', subjectType: 'member', subjectId: memberId, detail: { balance } });
  }
  return contests;
}

/** The server's word on redemptions: this mutation's pending entries are posted unless their member's balance went negative. */
export function confirmedRedemptions(writes: readonly AppliedWrite[], contests: readonly Contest[]): Effect[] {
  const overdrawn = new Set(contests.filter((c) => c.kind === 'points_balance').map((c) => c.subjectId));
  return writesTo(writes, 'points_entry').flatMap(({ table, key, after }) =>
    after?.status === 'pending' && !overdrawn.has(after.member_id)
      ? [{ table, key, row: { ...after, status: 'posted' } }]
      : [],
  );
}
