/**
 * The daily report's front-office sections: arrivals, departures, in house, no-shows and the
 * day's cancellations (read through the cancellations list), and the rooms by housekeeping status.
 */
import type { Kysely } from 'kysely';
import type { ReportSection } from '@shared/contract/reports';
import { ROOM_STATUSES, type BookingStatus, type RoomStatus } from '@shared/rules/booking-status';
import { nightsBetween } from '@shared/rules/hotel-kpis';
import type { Database } from '../../../db/schema';
import { listCancellations } from '../../cancellations/records';
import { count, date, datesOfDay, figure, label, money, section, table, text, type Dates, type Day } from '../values';

/** Stays honoured: the guest checked in (and may have left since). */
const STAYED: BookingStatus[] = ['checked_in', 'checked_out'];

function bookings(db: Kysely<Database>) {
  return db
    .selectFrom('booking')
    .innerJoin('guest', 'guest.id', 'booking.guest_id')
    .innerJoin('room_type', 'room_type.id', 'booking.room_type_id')
    .leftJoin('room', 'room.id', 'booking.room_id')
    .select([
      'booking.number',
      'guest.name as guest_name',
      'room_type.name as room_type_name',
      'room.number as room_number',
      'booking.arrival',
      'booking.departure',
      'booking.status',
      'booking.total_fen',
    ])
    .where('booking.deleted_at', 'is', null);
}

type BookingLine = Awaited<ReturnType<ReturnType<typeof bookings>['execute']>>[number];

const BOOKING_COLUMNS = ['bookingNumber', 'guest', 'roomType', 'room', 'arrival', 'departure', 'nights', 'status'];

const bookingRow = (b: BookingLine) => ({
  bookingNumber: text(b.number),
  guest: text(b.guest_name),
  roomType: text(b.room_type_name),
  room: text(b.room_number ?? ''),
  arrival: date(b.arrival),
  departure: date(b.departure),
  nights: count(nightsBetween(b.arrival, b.departure)),
  status: label(`desk.statuses.${b.status}`),
});

const bookingTable = (id: string, lines: readonly BookingLine[]) => table(id, BOOKING_COLUMNS, lines.map(bookingRow));

/**
 * The stays and cancellations of local dates `from` … `to`: arrivals due (still expected, or
 * arrived), departures of stays honoured, no-shows marked by the night audits that closed them,
 * and the cancellations made in those days (read through the cancellations list; a no-show's own
 * record is counted with the no-shows). The daily report asks for one day, the weekly for seven.
 */
export async function frontOfficeLists(db: Kysely<Database>, { from, to, start, end }: Dates) {
  const arrivals = await bookings(db)
    .where('booking.arrival', '>=', from)
    .where('booking.arrival', '<=', to)
    .where('booking.status', 'in', ['confirmed', ...STAYED])
    .orderBy('booking.number')
    .execute();
  const departures = await bookings(db)
    .where('booking.departure', '>=', from)
    .where('booking.departure', '<=', to)
    .where('booking.status', 'in', STAYED)
    .orderBy('room.number')
    .orderBy('booking.number')
    .execute();
  const noShows = await bookings(db)
    .where('booking.arrival', '>=', from)
    .where('booking.arrival', '<=', to)
    .where('booking.status', '=', 'no_show')
    .orderBy('booking.number')
    .execute();
  const cancellations = (await listCancellations(db, { column: 'created_at', from: start, to: end })).filter(
    (c) => c.reason !== 'no_show',
  );
  return { arrivals, departures, noShows, cancellations };
}

export async function frontOfficeSection(db: Kysely<Database>, day: Day): Promise<ReportSection> {
  const D = day.date;
  const { arrivals, departures, noShows, cancellations } = await frontOfficeLists(db, datesOfDay(day));
  // The night of D: every stay that spans it (the rooms sold that night).
  const inHouse = await bookings(db)
    .where('booking.departure', '>', D)
    .where('booking.arrival', '<=', D)
    .where('booking.status', 'in', STAYED)
    .orderBy('room.number')
    .orderBy('booking.number')
    .execute();
  const penalties = cancellations.reduce((sum, c) => sum + c.penaltyFen, 0);
  const refunds = cancellations.reduce((sum, c) => sum + c.refundFen, 0);
  return section('frontOffice', {
    figures: [
      figure('arrivals', count(arrivals.length)),
      figure('arrived', count(arrivals.filter((b) => b.status !== 'confirmed').length)),
      figure('departures', count(departures.length)),
      figure('inHouse', count(inHouse.length)),
      figure('noShows', count(noShows.length)),
      figure('cancellations', count(cancellations.length)),
      figure('cancellationPenalties', money(penalties)),
    ],
    tables: [
      bookingTable('arrivals', arrivals),
      bookingTable('departures', departures),
      bookingTable('inHouse', inHouse),
      table(
        'noShows',
        [...BOOKING_COLUMNS, 'penalty'],
        // A no-show's total is what it owes by its terms: the no-show penalty.
        noShows.map((b) => ({ ...bookingRow(b), penalty: money(b.total_fen) })),
      ),
      table(
        'cancellations',
        ['cancellationNumber', 'subjectNumber', 'guest', 'arrival', 'reason', 'penalty', 'refund', 'staff'],
        cancellations.map((c) => ({
          cancellationNumber: text(c.number),
          subjectNumber: text(c.subject.number),
          guest: text(c.subject.guestName),
          arrival: date(c.subject.arrival),
          reason: label(`cancellations.reasons.${c.reason}`),
          penalty: money(c.penaltyFen),
          refund: money(c.refundFen),
          staff: text(c.staffName),
        })),
        { penalty: money(penalties), refund: money(refunds) },
      ),
    ],
    notes: [],
  });
}

const STATUS_COLUMN: Record<RoomStatus, string> = {
  vacant_clean: 'vacantClean',
  inspected: 'vacantClean',
  vacant_dirty: 'vacantDirty',
  occupied: 'occupied',
  out_of_order: 'outOfOrder',
};

/** The report's columns: an inspected room counts as clean. */
const REPORT_STATUSES = ROOM_STATUSES.filter((s) => s !== 'inspected');

/** The rooms by type and housekeeping status as they stand when the report is computed (no history is kept). */
export async function roomStatusSection(db: Kysely<Database>): Promise<ReportSection> {
  const rows = await db
    .selectFrom('room')
    .innerJoin('room_type', 'room_type.id', 'room.room_type_id')
    .select(['room_type.code', 'room_type.name', 'room.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('room.deleted_at', 'is', null)
    .groupBy(['room_type.code', 'room_type.name', 'room.status'])
    .orderBy('room_type.code')
    .execute();
  const byType = new Map<string, { name: string; counts: Record<RoomStatus, number> }>();
  const totals = Object.fromEntries(ROOM_STATUSES.map((s) => [s, 0])) as Record<RoomStatus, number>;
  for (const row of rows) {
    const entry = byType.get(row.code) ?? {
      name: row.name,
      counts: Object.fromEntries(ROOM_STATUSES.map((s) => [s, 0])) as Record<RoomStatus, number>,
    };
    // An inspected room is a clean vacant one to the report, which keeps its four columns.
    const status = row.status === 'inspected' ? 'vacant_clean' : row.status;
    entry.counts[status] += Number(row.n);
    totals[status] += Number(row.n);
    byType.set(row.code, entry);
  }
  const statusValues = (counts: Record<RoomStatus, number>) =>
    Object.fromEntries(REPORT_STATUSES.map((s) => [STATUS_COLUMN[s], count(counts[s])]));
  const all = REPORT_STATUSES.reduce((sum, s) => sum + totals[s], 0);
  return section('roomStatus', {
    figures: [figure('rooms', count(all)), ...REPORT_STATUSES.map((s) => figure(STATUS_COLUMN[s], count(totals[s])))],
    tables: [
      table(
        'roomStatusByType',
        ['roomType', 'rooms', ...REPORT_STATUSES.map((s) => STATUS_COLUMN[s])],
        [...byType.values()].map(({ name, counts }) => ({
          roomType: text(name),
          rooms: count(REPORT_STATUSES.reduce((sum, s) => sum + counts[s], 0)),
          ...statusValues(counts),
        })),
        { rooms: count(all), ...statusValues(totals) },
      ),
    ],
    notes: [{ key: 'roomStatusAsComputed' }],
  });
}
