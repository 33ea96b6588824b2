/**
 * Replacing a product's daily slots. A slot is known by its start time: a saved slot with the same
 * start keeps its id (and so its orders) and takes the new end and capacity; a slot no longer listed
 * goes, unless orders were sold for it, which must keep pointing at it.
 */
import type { Kysely } from 'kysely';
import { newId } from '../made';
import { AppError } from '@shared/errors';
import type { Database } from '../../db/schema';

export interface SlotInput {
  startTime: string;
  endTime: string;
  capacity: number;
}

/** Two slots of one product cannot start at the same time. */
export function assertDistinctStarts(slots: readonly SlotInput[]): void {
  const seen = new Set<string>();
  const fields: string[] = [];
  slots.forEach((slot, i) => {
    if (seen.has(slot.startTime)) fields.push(`slots.${i}.startTime`);
    seen.add(slot.startTime);
  });
  if (fields.length > 0) throw new AppError('INPUT_INVALID', { fields: fields.join(', ') }, fields);
}

export async function replaceSlots(
  db: Kysely<Database>,
  productId: string,
  slots: readonly SlotInput[],
): Promise<void> {
  const existing = await db.selectFrom('ticket_slot').selectAll().where('product_id', '=', productId).execute();
  const wanted = new Map(slots.map((slot) => [slot.startTime, slot]));

  const dropped = existing.filter((slot) => !wanted.has(slot.start_time));
  if (dropped.length > 0) {
    const withOrders = await db
      .selectFrom('ticket_order')
      .innerJoin('ticket_slot', 'ticket_slot.id', 'ticket_order.slot_id')
      .select('ticket_slot.start_time')
      .where(
        'ticket_order.slot_id',
        'in',
        dropped.map((slot) => slot.id),
      )
      .orderBy('ticket_slot.start_time')
      .executeTakeFirst();
    // Cancelled orders still name their slot, so any order keeps it.
    if (withOrders) throw new AppError('BOOKING_STATE', { startTime: withOrders.start_time });
    await db
      .deleteFrom('ticket_slot')
      .where(
        'id',
        'in',
        dropped.map((slot) => slot.id),
      )
      .execute();
  }

  for (const slot of existing) {
    const next = wanted.get(slot.start_time);
    if (next && (next.endTime !== slot.end_time || next.capacity !== slot.capacity)) {
      await db
        .updateTable('ticket_slot')
        .set({ end_time: next.endTime, capacity: next.capacity })
        .where('id', '=', slot.id)
        .execute();
    }
  }

  const kept = new Set(existing.map((slot) => slot.start_time));
  const added = slots.filter((slot) => !kept.has(slot.startTime));
  if (added.length > 0) {
    await db
      .insertInto('ticket_slot')
      .values(
        added.map((slot) => ({
          id: newId(),
          product_id: productId,
          start_time: slot.startTime,
          end_time: slot.endTime,
          capacity: slot.capacity,
        })),
      )
      .execute();
  }
}
