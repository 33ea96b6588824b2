/** The operations report's tickets section: sales, admissions and utilisation of each slot over the month. */
import type { ReportSection } from '@shared/contract/reports';
import { type Month, type ReportContext } from './document';
import { column, count, figure, money, rate, section, text } from '../values';
import { ratio } from '@shared/rules/statistics';

export async function ticketsSection(ctx: ReportContext, month: Month): Promise<ReportSection> {
  const slots = await ctx.db
    .selectFrom('ticket_slot')
    .innerJoin('ticket_product', 'ticket_product.id', 'ticket_slot.product_id')
    .select([
      'ticket_slot.id',
      'ticket_slot.start_time',
      'ticket_slot.end_time',
      'ticket_slot.capacity',
      'ticket_product.code',
      'ticket_product.name',
    ])
    .where('ticket_product.deleted_at', 'is', null)
    .orderBy('ticket_product.code')
    .orderBy('ticket_slot.start_time')
    .execute();
  const sold = (q: ReturnType<typeof orders>) => q.where('ticket_order.status', '=', 'sold');
  const orders = () =>
    ctx.db
      .selectFrom('ticket_order')
      .where('ticket_order.visit_date', '>=', month.first)
      .where('ticket_order.visit_date', '<=', month.last);
  const revenue = await sold(orders())
    .select((eb) => ['slot_id', eb.fn.countAll<number>().as('orders'), eb.fn.sum<number>('total_fen').as('fen')])
    .groupBy('slot_id')
    .execute();
  const visitors = await sold(orders())
    .innerJoin('ticket_visitor', 'ticket_visitor.order_id', 'ticket_order.id')
    .select((eb) => [
      'ticket_order.slot_id',
      eb.fn.countAll<number>().as('visitors'),
      eb.fn.count<number>('ticket_visitor.redeemed_at').as('admitted'),
    ])
    .groupBy('ticket_order.slot_id')
    .execute();
  const revenueBy = new Map(revenue.map((row) => [row.slot_id, row]));
  const visitorsBy = new Map(visitors.map((row) => [row.slot_id, row]));
  const days = month.days.length;
  const total = { orders: 0, visitors: 0, admitted: 0, fen: 0, capacity: 0 };
  const rows = slots.map((slot) => {
    const r = revenueBy.get(slot.id);
    const v = visitorsBy.get(slot.id);
    const line = {
      orders: Number(r?.orders ?? 0),
      visitors: Number(v?.visitors ?? 0),
      admitted: Number(v?.admitted ?? 0),
      fen: Number(r?.fen ?? 0),
      capacity: slot.capacity * days,
    };
    for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += line[key];
    return {
      slot: text(`${slot.code} ${slot.name} ${slot.start_time}–${slot.end_time}`),
      orders: count(line.orders),
      tickets: count(line.visitors),
      admitted: count(line.admitted),
      revenue: money(line.fen),
      capacity: count(line.capacity),
      utilisation: rate(ratio(line.visitors, line.capacity)),
    };
  });
  return section('monthlyTickets', {
    figures: [
      figure('ticketsSold', count(total.visitors)),
      figure('ticketRevenue', money(total.fen)),
      figure('slotUtilisation', rate(ratio(total.visitors, total.capacity))),
    ],
    tables: [
      {
        id: 'ticketsBySlot',
        title: 'ticketsBySlot',
        columns: [
          column('slot'),
          column('orders'),
          column('tickets', 'ticketsSold'),
          column('admitted'),
          column('revenue', 'ticketRevenue'),
          column('capacity'),
          column('utilisation', 'slotUtilisation'),
        ],
        rows,
        totals: {
          slot: text(''),
          orders: count(total.orders),
          tickets: count(total.visitors),
          admitted: count(total.admitted),
          revenue: money(total.fen),
          capacity: count(total.capacity),
          utilisation: rate(ratio(total.visitors, total.capacity)),
        },
        chart: { kind: 'bar', x: 'slot', series: ['utilisation'] },
      },
    ],
  });
}
