/**
 * The cashier report of a day (or of a week, for the weekly report): money taken and refunded, by
 * method and by staff member.
 * Room folios: every payment row written that day (deposits and payments taken, refunds given;
 * points redeemed show as their own method). Ticket counters: a ticket is paid when it is sold
 * and the sale does not record the method, so the day's sales stand as one "ticket sales" method
 * at what was paid (a cancelled order's penalty plus its refund); refunds of tickets cancelled
 * that day follow the cancellation's refund method.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ReportSection, ReportValue } from '@shared/contract/reports';
import type { Database } from '../../../db/schema';
import { count, figure, label, money, section, table, text, type Day } from '../values';

interface Line {
  staff: string;
  /** A full translation key. */
  method: string;
  taken: number;
  refunded: number;
  entries: number;
}

const TICKET_SALES = 'reports.labels.ticketSales';

/** The money moved between two instants: a day's, or a week's. */
type Span = Pick<Day, 'start' | 'end'>;

async function cashierLines(db: Kysely<Database>, day: Span): Promise<Line[]> {
  const folio = await db
    .selectFrom('payment')
    .select([
      'staff_name',
      'method',
      sql<number>`coalesce(sum(case when kind = 'refund' then 0 else amount_fen end), 0)`.as('taken'),
      sql<number>`coalesce(sum(case when kind = 'refund' then -amount_fen else 0 end), 0)`.as('refunded'),
      (eb) => eb.fn.countAll<number>().as('entries'),
    ])
    .where('created_at', '>=', day.start)
    .where('created_at', '<', day.end)
    .groupBy(['staff_id', 'staff_name', 'method'])
    .execute();
  const tickets = await db
    .selectFrom('ticket_order')
    .leftJoin('staff', 'staff.id', 'ticket_order.created_by')
    .leftJoin('cancellation', 'cancellation.ticket_order_id', 'ticket_order.id')
    .select([
      'staff.display_name',
      'ticket_order.created_by',
      sql<number>`coalesce(sum(case when ticket_order.status = 'sold' then ticket_order.total_fen
        else coalesce(cancellation.penalty_fen + cancellation.refund_fen, ticket_order.total_fen) end), 0)`.as('taken'),
      (eb) => eb.fn.countAll<number>().as('entries'),
    ])
    .where('ticket_order.created_at', '>=', day.start)
    .where('ticket_order.created_at', '<', day.end)
    .groupBy(['ticket_order.created_by', 'staff.display_name'])
    .execute();
  const ticketRefunds = await db
    .selectFrom('cancellation')
    .select([
      'staff_name',
      'refund_method',
      (eb) => eb.fn.sum<number>('refund_fen').as('refunded'),
      (eb) => eb.fn.countAll<number>().as('entries'),
    ])
    .where('ticket_order_id', 'is not', null)
    .where('refund_fen', '>', 0)
    .where('created_at', '>=', day.start)
    .where('created_at', '<', day.end)
    .groupBy(['staff_id', 'staff_name', 'refund_method'])
    .execute();
  return [
    ...folio.map((r) => ({
      staff: r.staff_name,
      method: `desk.paymentMethods.${r.method}`,
      taken: Number(r.taken),
      refunded: Number(r.refunded),
      entries: Number(r.entries),
    })),
    ...tickets.map((r) => ({
      staff: r.display_name ?? r.created_by,
      method: TICKET_SALES,
      taken: Number(r.taken),
      refunded: 0,
      entries: Number(r.entries),
    })),
    ...ticketRefunds.map((r) => ({
      staff: r.staff_name,
      method: `desk.paymentMethods.${r.refund_method ?? 'other'}`,
      taken: 0,
      refunded: Number(r.refunded),
      entries: Number(r.entries),
    })),
  ];
}

/** Sums lines that share a key, in the order the keys sort. */
function merge(lines: readonly Line[], keyOf: (line: Line) => string): Line[] {
  const merged = new Map<string, Line>();
  for (const line of lines) {
    const key = keyOf(line);
    const seen = merged.get(key);
    merged.set(
      key,
      seen
        ? {
            ...seen,
            taken: seen.taken + line.taken,
            refunded: seen.refunded + line.refunded,
            entries: seen.entries + line.entries,
          }
        : { ...line },
    );
  }
  return [...merged.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, line]) => line);
}

const amounts = (line: Pick<Line, 'taken' | 'refunded' | 'entries'>): Record<string, ReportValue> => ({
  entries: count(line.entries),
  taken: money(line.taken),
  refunded: money(line.refunded),
  net: money(line.taken - line.refunded),
});

/** The cashier report between two instants; the weekly report leaves out the by-staff table. */
export async function cashierSection(
  db: Kysely<Database>,
  day: Span,
  { byStaff = true }: { byStaff?: boolean } = {},
): Promise<ReportSection> {
  const lines = await cashierLines(db, day);
  const total = lines.reduce(
    (sum, l) => ({ taken: sum.taken + l.taken, refunded: sum.refunded + l.refunded, entries: sum.entries + l.entries }),
    { taken: 0, refunded: 0, entries: 0 },
  );
  return section('cashier', {
    figures: [
      figure('taken', money(total.taken)),
      figure('refunded', money(total.refunded)),
      figure('net', money(total.taken - total.refunded)),
    ],
    tables: [
      table(
        'cashierByMethod',
        ['method', 'entries', 'taken', 'refunded', 'net'],
        merge(lines, (l) => l.method).map((l) => ({ method: label(l.method), ...amounts(l) })),
        amounts(total),
      ),
      ...(byStaff
        ? [
            table(
              'cashierByStaff',
              ['staff', 'method', 'entries', 'taken', 'refunded', 'net'],
              merge(lines, (l) => `${l.staff}\u0000${l.method}`).map((l) => ({
                staff: text(l.staff),
                method: label(l.method),
                ...amounts(l),
              })),
              amounts(total),
            ),
          ]
        : []),
    ],
    notes: [{ key: 'cashierTicketMethod' }],
  });
}
