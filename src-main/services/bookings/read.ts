/** Bookings read back as the contract's Booking (with payments and history) and BookingSummary. */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Booking, BookingSummary } from '@shared/contract';
import { AppError } from '@shared/errors';
import { balanceFen } from '@shared/rules/booking-status';
import type { Database } from '../../db/schema';
import { readPolicy } from '../cancellations/policy';
import { fromJson } from '@shared/json';

export async function findBookingRow(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('booking')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export async function loadBooking(db: Kysely<Database>, id: string): Promise<Booking> {
  const row = await findBookingRow(db, id);
  const guest = await db
    .selectFrom('guest')
    .select(['id', 'customer_no', 'name', 'phone_masked', 'temporary'])
    .where('id', '=', row.guest_id)
    .executeTakeFirstOrThrow();
  const roomType = await db
    .selectFrom('room_type')
    .select(['id', 'name'])
    .where('id', '=', row.room_type_id)
    .executeTakeFirstOrThrow();
  const room = row.room_id
    ? await db.selectFrom('room').select(['id', 'number']).where('id', '=', row.room_id).executeTakeFirst()
    : undefined;
  const ratePlan = row.rate_plan_id
    ? await db.selectFrom('rate_plan').select(['id', 'name']).where('id', '=', row.rate_plan_id).executeTakeFirst()
    : undefined;
  const payments = await db
    .selectFrom('payment')
    .selectAll()
    .where('booking_id', '=', id)
    .orderBy('created_at')
    .execute();
  const changes = await db
    .selectFrom('booking_change')
    .selectAll()
    .where('booking_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const paid = payments.map((p) => ({ amountFen: p.amount_fen }));
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    channel: row.channel,
    guest: {
      id: guest.id,
      customerNo: guest.customer_no,
      name: guest.name,
      phone: guest.phone_masked,
      temporary: guest.temporary === 1,
    },
    arrival: row.arrival,
    departure: row.departure,
    roomType,
    room: room ?? null,
    adults: row.adults,
    children: row.children,
    ratePlan: ratePlan ?? null,
    nights: fromJson(row.nights_json),
    totalFen: row.total_fen,
    guarantee: row.guarantee,
    specialRequests: row.special_requests,
    cancellationPolicy: readPolicy(row.cancellation_policy_json),
    payments: payments.map((p) => ({
      id: p.id,
      kind: p.kind,
      method: p.method,
      amountFen: p.amount_fen,
      reference: p.reference,
      staffName: p.staff_name,
      at: p.created_at,
    })),
    paidFen: paid.reduce((sum, p) => sum + p.amountFen, 0),
    balanceFen: balanceFen(row.total_fen, paid),
    changes: changes.map((c) => ({
      id: c.id,
      kind: c.kind,
      before: c.before_json ? fromJson(c.before_json) : null,
      after: c.after_json ? fromJson(c.after_json) : null,
      authMethod: c.auth_method,
      authRef: c.auth_ref,
      staffName: c.staff_name,
      at: c.created_at,
    })),
    createdBy: row.created_by,
    createdAt: row.created_at,
    checkedInAt: row.checked_in_at,
    checkedOutAt: row.checked_out_at,
  };
}

type SummaryQuery = SelectQueryBuilder<Database, 'booking', object>;

/** Summaries of the bookings a filter selects, with guest, room type, room and balance. */
export async function bookingSummaries(
  db: Kysely<Database>,
  filter: (q: SummaryQuery) => SummaryQuery,
  limit = 200,
): Promise<BookingSummary[]> {
  const rows = await filter(db.selectFrom('booking').where('booking.deleted_at', 'is', null))
    .innerJoin('guest', 'guest.id', 'booking.guest_id')
    .innerJoin('room_type', 'room_type.id', 'booking.room_type_id')
    .leftJoin('room', 'room.id', 'booking.room_id')
    .select([
      'booking.id',
      'booking.number',
      'booking.status',
      'booking.arrival',
      'booking.departure',
      'booking.total_fen',
      'guest.name as guest_name',
      'booking.room_type_id',
      'room_type.name as room_type_name',
      'room.number as room_number',
      (eb) =>
        eb
          .selectFrom('payment')
          .select((p) => p.fn.coalesce(p.fn.sum<number>('payment.amount_fen'), p.lit(0)).as('paid'))
          .whereRef('payment.booking_id', '=', 'booking.id')
          .as('paid_fen'),
    ])
    .orderBy('booking.arrival')
    .orderBy('booking.number')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    status: r.status,
    guestName: r.guest_name,
    arrival: r.arrival,
    departure: r.departure,
    roomTypeId: r.room_type_id,
    roomTypeName: r.room_type_name,
    roomNumber: r.room_number,
    balanceFen: r.total_fen - Number(r.paid_fen ?? 0),
  }));
}
