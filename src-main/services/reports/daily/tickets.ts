/**
 * Ticket sales of a visit date (or of a week's visit dates, for the weekly report) by slot, and
 * the gate's admissions; a slot's capacity is its places on each of those dates. Visitors sold are
 * those of orders still sold (a cancelled order gives its places back, as availability counts
 * them); admitted are the visitors redeemed at the gate; ticket revenue is what the orders of the
 * dates kept — a sold order's price, a cancelled one's penalty (its total after cancelling).
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ReportSection } from '@shared/contract/reports';
import { nightsBetween } from '@shared/rules/hotel-kpis';
import type { Database } from '../../../db/schema';
import { count, figure, money, rate, section, table, text } from '../values';

export async function ticketSection(
  db: Kysely<Database>,
  visitDate: string,
  lastVisitDate = visitDate,
): Promise<ReportSection> {
  const days = nightsBetween(visitDate, lastVisitDate) + 1;
  const slots = await db
    .selectFrom('ticket_slot')
    .innerJoin('ticket_product', 'ticket_product.id', 'ticket_slot.product_id')
    .leftJoin('ticket_order', (join) =>
      join
        .onRef('ticket_order.slot_id', '=', 'ticket_slot.id')
        .on('ticket_order.visit_date', '>=', visitDate)
        .on('ticket_order.visit_date', '<=', lastVisitDate),
    )
    .select([
      'ticket_product.code',
      'ticket_product.name',
      'ticket_slot.start_time',
      'ticket_slot.end_time',
      'ticket_slot.capacity',
      sql<number>`count(ticket_order.id)`.as('orders'),
      sql<number>`coalesce(sum(ticket_order.total_fen), 0)`.as('revenue'),
      sql<number>`coalesce(sum(case when ticket_order.status = 'sold' then
        (select count(*) from ticket_visitor v where v.order_id = ticket_order.id) else 0 end), 0)`.as('sold'),
      sql<number>`coalesce(sum((select count(*) from ticket_visitor v
        where v.order_id = ticket_order.id and v.redeemed_at is not null)), 0)`.as('admitted'),
    ])
    .where('ticket_product.deleted_at', 'is', null)
    .groupBy(['ticket_slot.id'])
    .orderBy('ticket_product.code')
    .orderBy('ticket_slot.start_time')
    .execute();
  const sum = (pick: (row: (typeof slots)[number]) => number) => slots.reduce((s, row) => s + Number(pick(row)), 0);
  const capacity = sum((r) => r.capacity) * days;
  const sold = sum((r) => r.sold);
  return section('tickets', {
    figures: [
      figure('ticketOrders', count(sum((r) => r.orders))),
      figure('ticketsSold', count(sold)),
      figure('admitted', count(sum((r) => r.admitted))),
      figure('ticketRevenue', money(sum((r) => r.revenue))),
    ],
    tables: [
      table(
        'ticketsBySlot',
        ['product', 'slot', 'capacity', 'orders', 'ticketsSold', 'slotUtilisation', 'admitted', 'ticketRevenue'],
        slots.map((r) => ({
          product: text(r.name),
          slot: text(`${r.start_time}–${r.end_time}`),
          capacity: count(r.capacity * days),
          orders: count(r.orders),
          ticketsSold: count(r.sold),
          slotUtilisation: rate(r.capacity === 0 ? null : Number(r.sold) / (r.capacity * days)),
          admitted: count(r.admitted),
          ticketRevenue: money(r.revenue),
        })),
        {
          capacity: count(capacity),
          orders: count(sum((r) => r.orders)),
          ticketsSold: count(sold),
          slotUtilisation: rate(capacity === 0 ? null : sold / capacity),
          admitted: count(sum((r) => r.admitted)),
          ticketRevenue: money(sum((r) => r.revenue)),
        },
      ),
    ],
  });
}
