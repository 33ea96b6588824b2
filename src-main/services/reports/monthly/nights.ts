/** The nights sold in a month, the one read the operations report's rooms, channels and members sections share. */
import { sql } from 'kysely';
import type { Channel } from '@shared/contract/inventory';
import type { Month, ReportContext } from './document';

/** Rooms sold are the nights of stays honoured: checked in or out (hotel-kpis). */
const SOLD = ['checked_in', 'checked_out'] as const;

export interface NightRow {
  night: string;
  room_type_id: string;
  channel: Channel;
  member: number;
  sold: number;
  revenue: number;
}

/**
 * Nights sold in the month with their price, by night, room type, channel and whether the guest is
 * a member. booking_night keeps the nights of stays checked in and out (a cancellation, a no-show
 * or an early departure releases the rest), so its index on night narrows the read to the month;
 * each night's price is the one the booking's nights carry for that date.
 */
export async function nightsSold(ctx: ReportContext, month: Month): Promise<NightRow[]> {
  const { rows } = await sql<NightRow>`
    SELECT bn.night, bn.room_type_id, b.channel,
           EXISTS (SELECT 1 FROM member m WHERE m.guest_id = b.guest_id) AS member,
           count(*) AS sold,
           coalesce(sum((SELECT json_extract(n.value, '$.priceFen') FROM json_each(b.nights_json) n
                         WHERE json_extract(n.value, '$.night') = bn.night)), 0) AS revenue
    FROM booking_night bn JOIN booking b ON b.id = bn.booking_id
    WHERE bn.night BETWEEN ${month.first} AND ${month.last}
      AND b.status IN (${sql.join([...SOLD])}) AND b.deleted_at IS NULL
    GROUP BY 1, 2, 3, 4`.execute(ctx.db);
  return rows.map((row) => ({ ...row, sold: Number(row.sold), revenue: Number(row.revenue) }));
}
