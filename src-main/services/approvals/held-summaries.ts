/**
 * What each held operation shows its approver: the guest, the stay, the amounts before and after.
 * Computed on read from the request's input and the desk's rows (nothing extra is stored or synced),
 * as data the UI translates: a request made on one desk reads the same on another in its language.
 * A request already decided reads its "before" from what the request or the booking's history kept,
 * since the rows now hold the "after".
 */
import type { Kysely } from 'kysely';
import type {
  ApprovalStatus,
  ApprovalSummary,
  ApprovalSummaryLine,
  ApprovalSummaryValue,
  OperationName,
  ParsedInputOf,
} from '@shared/contract';
import { AppError } from '@shared/errors';
import { fromJson } from '@shared/json';
import { balance } from '@shared/rules/points';
import { stayNights } from '@shared/rules/stay';
import type { Database } from '../../db/schema';
import { liveFile } from '../archive/documents';
import { entryRows, toLedger } from '../members/ledger';

/** The request as stored, for what its summary cannot read from the rows any more. */
export interface HeldRequestState {
  status: ApprovalStatus | 'new';
  amountFen: number | null;
  decidedAt: string | null;
}

type Summarize<N extends OperationName> = (
  db: Kysely<Database>,
  input: ParsedInputOf<N>,
  state: HeldRequestState,
) => Promise<ApprovalSummary>;

const text = (value: string, en?: string | null): ApprovalSummaryValue =>
  en ? { kind: 'text', text: value, en } : { kind: 'text', text: value };
const line = (field: ApprovalSummaryLine['field'], value: ApprovalSummaryValue): ApprovalSummaryLine => ({
  field,
  value,
});
const stay = (arrival: string, departure: string): ApprovalSummaryValue => ({
  kind: 'stay',
  arrival,
  departure,
  nights: stayNights(arrival, departure).length,
});
const pending = (state: HeldRequestState) => state.status === 'new' || state.status === 'pending';

async function bookingContext(db: Kysely<Database>, id: string) {
  const row = await db
    .selectFrom('booking')
    .innerJoin('guest', 'guest.id', 'booking.guest_id')
    .innerJoin('room_type', 'room_type.id', 'booking.room_type_id')
    .select([
      'booking.id',
      'booking.number',
      'booking.arrival',
      'booking.departure',
      'booking.nights_json',
      'booking.total_fen',
      'booking.guest_id',
      'guest.name as guest_name',
      'room_type.name as room_type_name',
      'room_type.name_en as room_type_name_en',
    ])
    .where('booking.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

async function guestName(db: Kysely<Database>, id: string): Promise<string> {
  const row = await db.selectFrom('guest').select('name').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row.name;
}

async function roomType(db: Kysely<Database>, id: string): Promise<ApprovalSummaryValue> {
  const row = await db.selectFrom('room_type').select(['name', 'name_en']).where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return text(row.name, row.name_en);
}

/** The booking's total before an override that has run: what its price_override history kept. */
async function totalBeforeOverride(db: Kysely<Database>, bookingId: string, decidedAt: string | null) {
  let query = db
    .selectFrom('booking_change')
    .select('before_json')
    .where('booking_id', '=', bookingId)
    .where('kind', '=', 'price_override')
    .orderBy('created_at', 'desc');
  if (decidedAt) query = query.where('created_at', '<=', decidedAt);
  const row = await query.executeTakeFirst();
  const before = row?.before_json ? (fromJson(row.before_json) as { totalFen?: unknown }) : null;
  return typeof before?.totalFen === 'number' ? before.totalFen : null;
}

const summarizers: { [N in OperationName]?: Summarize<N> } = {
  'bookings.overridePrice': async (db, { id, nightlyFen }, state) => {
    const booking = await bookingContext(db, id);
    const nights = fromJson(booking.nights_json).length;
    const afterTotal = nightlyFen * nights;
    const beforeTotal = pending(state)
      ? booking.total_fen
      : ((await totalBeforeOverride(db, id, state.decidedAt)) ?? afterTotal + (state.amountFen ?? 0));
    return {
      lines: [
        line('guest', text(booking.guest_name)),
        line('booking', text(booking.number)),
        line('stay', stay(booking.arrival, booking.departure)),
        line('roomType', text(booking.room_type_name, booking.room_type_name_en)),
        line('nightly', {
          kind: 'moneyChange',
          beforeFen: nights > 0 ? Math.round(beforeTotal / nights) : 0,
          afterFen: nightlyFen,
        }),
        line('total', { kind: 'moneyChange', beforeFen: beforeTotal, afterFen: afterTotal }),
        line('difference', { kind: 'money', fen: afterTotal - beforeTotal }),
      ],
      link: { type: 'booking', id },
    };
  },
  'cancellations.waive': async (db, { cancellationId, penaltyFen }, state) => {
    const row = await db
      .selectFrom('cancellation')
      .leftJoin('booking', 'booking.id', 'cancellation.booking_id')
      .leftJoin('guest', 'guest.id', 'booking.guest_id')
      .select([
        'cancellation.number',
        'cancellation.penalty_fen',
        'cancellation.booking_id',
        'booking.number as booking_number',
        'guest.name as guest_name',
      ])
      .where('cancellation.id', '=', cancellationId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    // The request kept the amount waived: penalty before = after + waived, whatever the row holds now.
    const beforeFen = pending(state) ? row.penalty_fen : penaltyFen + (state.amountFen ?? 0);
    return {
      lines: [
        ...(row.guest_name ? [line('guest', text(row.guest_name))] : []),
        ...(row.booking_number ? [line('booking', text(row.booking_number))] : []),
        line('cancellation', text(row.number)),
        line('penalty', { kind: 'moneyChange', beforeFen, afterFen: penaltyFen }),
        line('waived', { kind: 'money', fen: Math.max(0, beforeFen - penaltyFen) }),
      ],
      link: row.booking_id ? { type: 'booking', id: row.booking_id } : null,
    };
  },
  'members.adjust': async (db, { memberId, points }, state) => {
    const member = await db
      .selectFrom('member')
      .innerJoin('guest', 'guest.id', 'member.guest_id')
      .select(['member.member_no', 'member.guest_id', 'guest.name'])
      .where('member.id', '=', memberId)
      .executeTakeFirst();
    if (!member) throw new AppError('NOT_FOUND');
    const now = balance(toLedger(await entryRows(db, memberId)));
    return {
      lines: [
        line('guest', text(member.name)),
        line('member', text(member.member_no)),
        line('points', { kind: 'points', points }),
        // Once run, the adjustment is in the ledger already.
        line('balanceAfter', { kind: 'points', points: pending(state) ? now + points : now }),
      ],
      link: { type: 'guest', id: member.guest_id },
    };
  },
  'bookings.change': async (db, input) => {
    const booking = await bookingContext(db, input.id);
    return {
      lines: [
        line('guest', text(booking.guest_name)),
        line('booking', text(booking.number)),
        line('stay', stay(input.arrival, input.departure)),
        line('roomType', await roomType(db, input.roomTypeId)),
      ],
      link: { type: 'booking', id: input.id },
    };
  },
  'bookings.overbook': async (db, input) => ({
    lines: [
      line('guest', text(await guestName(db, input.guestId))),
      line('stay', stay(input.arrival, input.departure)),
      line('roomType', await roomType(db, input.roomTypeId)),
    ],
    link: { type: 'guest', id: input.guestId },
  }),
  'guests.delete': async (db, { id }) => {
    const guest = await db
      .selectFrom('guest')
      .select(['name', 'customer_no', 'deleted_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!guest || guest.deleted_at !== null) throw new AppError('NOT_FOUND');
    return { lines: [line('guest', text(`${guest.name} (${guest.customer_no})`))], link: { type: 'guest', id } };
  },
  'guests.export': async (_db, { query }) => ({
    lines: [line('query', query ? text(query) : { kind: 'everything' })],
    link: null,
  }),
  'complaints.compensate': async (db, input) => {
    const row = await db
      .selectFrom('complaint')
      .leftJoin('guest', 'guest.id', 'complaint.guest_id')
      .select(['complaint.number', 'complaint.guest_id', 'complaint.booking_id', 'guest.name as guest_name'])
      .where('complaint.id', '=', input.id)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    const amount: ApprovalSummaryLine[] =
      input.kind === 'points'
        ? [line('points', { kind: 'points', points: input.points })]
        : input.amountFen > 0
          ? [line('total', { kind: 'money', fen: input.amountFen })]
          : [];
    return {
      lines: [
        ...(row.guest_name ? [line('guest', text(row.guest_name))] : []),
        line('complaint', text(row.number)),
        line('compensation', { kind: 'word', word: input.kind }),
        ...amount,
      ],
      link: row.booking_id
        ? { type: 'booking', id: row.booking_id }
        : row.guest_id
          ? { type: 'guest', id: row.guest_id }
          : null,
    };
  },
  'nightAudit.roll': async (_db, { closingDate }) => ({
    lines: [line('businessDate', { kind: 'date', date: closingDate })],
    link: null,
  }),
  'vault.changePassphrase': async (db, { envelope }) => {
    const property = await db.selectFrom('property').select('name').executeTakeFirst();
    if (!property) throw new AppError('NOT_FOUND');
    return { lines: [line('property', text(property.name)), line('keyId', text(envelope.keyId))], link: null };
  },
  'archive.allowDownload': async (db, { fileId }) => {
    const { file, document } = await liveFile(db, fileId);
    return {
      lines: [line('document', text(document.name)), line('file', text(`v${file.version} · ${file.file_name}`))],
      link: null,
    };
  },
  'archive.records.delete': async (db, { id }) => {
    const row = await db
      .selectFrom('archive_document')
      .select(['name', 'retain_until', 'deleted_at'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row || row.deleted_at !== null) throw new AppError('NOT_FOUND');
    return {
      lines: [
        line('record', text(row.name)),
        ...(row.retain_until ? [line('retainUntil', { kind: 'date', date: row.retain_until })] : []),
      ],
      link: null,
    };
  },
};

/** Every operation the engine can hold has a summary (the test walks APPROVABLE_OPERATIONS against this). */
export const SUMMARIZED_OPERATIONS = Object.keys(summarizers) as OperationName[];

/** The summary of a held operation's input; null when its record is gone (erased, deleted) or the input is not one. */
export async function summarizeHeld(
  db: Kysely<Database>,
  name: string,
  input: unknown,
  state: HeldRequestState,
): Promise<ApprovalSummary | null> {
  const summarize = summarizers[name as OperationName] as Summarize<OperationName> | undefined;
  if (!summarize) return null;
  try {
    return await summarize(db, input as never, state);
  } catch (error) {
    if (error instanceof AppError || error instanceof TypeError) return null;
    throw error;
  }
}
