/**
 * The operations the approval engine can hold, and how each names its subject and amount for
 * the request (read at request time, so the queue shows what was asked for).
 */
import type { Kysely } from 'kysely';
import type { OperationName, ParsedInputOf } from '@shared/contract';
import { AppError } from '@shared/errors';
import { auditPlan } from '@shared/rules/business-day';
import type { Database } from '../../db/schema';
import { liveFile } from '../archive/documents';
import { checkPastRetention, liveRecord } from '../archive/records';
import { loadProperty } from '../auth/session-info';
import { businessDate } from '../business-date';
import { compensationTarget, compensationValueFen } from '../complaints/compensation';
import { complaintRow } from '../complaints/read';
import { fromJson } from '@shared/json';

export interface HeldSubject {
  subject: { type: string; id: string | null; label: string };
  amountFen: number | null;
  /** This call is of a kind the policy does not hold (e.g. a booking change that is not urgent). */
  exempt?: boolean;
}

type Describe<N extends OperationName> = (
  db: Kysely<Database>,
  input: ParsedInputOf<N>,
  now: Date,
) => Promise<HeldSubject>;

const describers: { [N in OperationName]?: Describe<N> } = {
  'guests.delete': async (db, { id }) => {
    const guest = await db
      .selectFrom('guest')
      .select(['name', 'customer_no'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!guest) throw new AppError('NOT_FOUND');
    return { subject: { type: 'guest', id, label: `${guest.name} (${guest.customer_no})` }, amountFen: null };
  },
  'guests.export': async (_db, { query }) => ({
    subject: { type: 'guest', id: null, label: query ? `"${query}"` : '*' },
    amountFen: null,
  }),
  'bookings.overbook': async (db, input) => {
    const guest = await db.selectFrom('guest').select('name').where('id', '=', input.guestId).executeTakeFirst();
    const type = await db.selectFrom('room_type').select('name').where('id', '=', input.roomTypeId).executeTakeFirst();
    if (!guest || !type) throw new AppError('NOT_FOUND');
    return {
      subject: {
        type: 'booking',
        id: null,
        label: `${guest.name} · ${type.name} · ${input.arrival} → ${input.departure}`,
      },
      amountFen: null,
    };
  },
  // Only urgent changes are held: the guest arrives today (or is already in house).
  'bookings.change': async (db, { id }, now) => {
    const booking = await db
      .selectFrom('booking')
      .select(['number', 'arrival', 'status'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!booking) throw new AppError('NOT_FOUND');
    const urgent = booking.status === 'checked_in' || booking.arrival <= (await businessDate(db, now));
    return { subject: { type: 'booking', id, label: booking.number }, amountFen: null, exempt: !urgent };
  },
  'members.adjust': async (db, { memberId, points }) => {
    const member = await db
      .selectFrom('member')
      .innerJoin('guest', 'guest.id', 'member.guest_id')
      .select(['member.member_no', 'guest.name'])
      .where('member.id', '=', memberId)
      .executeTakeFirst();
    if (!member) throw new AppError('NOT_FOUND');
    return {
      subject: {
        type: 'member',
        id: memberId,
        label: `${member.name} (${member.member_no}) ${points > 0 ? '+' : ''}${points}`,
      },
      amountFen: null,
    };
  },
  // The amount waived picks the approver's tier.
  'cancellations.waive': async (db, { cancellationId, penaltyFen }) => {
    const row = await db
      .selectFrom('cancellation')
      .select(['number', 'penalty_fen'])
      .where('id', '=', cancellationId)
      .executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND');
    return {
      subject: { type: 'cancellation', id: cancellationId, label: row.number },
      amountFen: Math.max(0, row.penalty_fen - penaltyFen),
    };
  },
  // The amount is what the override takes off the booking, so the tiers pick the approver.
  'bookings.overridePrice': async (db, { id, nightlyFen }) => {
    const booking = await db
      .selectFrom('booking')
      .select(['number', 'nights_json', 'total_fen'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!booking) throw new AppError('NOT_FOUND');
    const nights = fromJson(booking.nights_json).length;
    return {
      subject: { type: 'booking', id, label: booking.number },
      amountFen: Math.max(0, booking.total_fen - nightlyFen * nights),
    };
  },
  // The value given picks the approver's tier: money as it is, points at the loyalty policy's value.
  // What could never be given (a zero amount, no member, no booking) is refused before any request.
  'complaints.compensate': async (db, input) => {
    const row = await complaintRow(db, input.id);
    await compensationTarget(db, row, input);
    const points = input.kind === 'points' ? ` +${input.points}` : '';
    return {
      subject: { type: 'complaint', id: row.id, label: `${row.number} · ${input.kind}${points}` },
      amountFen: await compensationValueFen(db, input),
    };
  },
  // Only an early close is held: the audit of a date whose calendar day has not yet ended.
  'nightAudit.roll': async (db, { closingDate, earlyClose }, now) => {
    const early = auditPlan(closingDate, now, (await loadProperty(db)).timeZone).early;
    return {
      subject: { type: 'business_date', id: closingDate, label: closingDate },
      amountFen: null,
      exempt: !(earlyClose && early),
    };
  },
  // The subject is the key the new envelope wraps (its fingerprint), never the passphrase.
  'vault.changePassphrase': async (db, { envelope }) => {
    const property = await db.selectFrom('property').select(['id', 'name']).executeTakeFirst();
    if (!property) throw new AppError('NOT_FOUND');
    return {
      subject: { type: 'property', id: property.id, label: `${property.name} · ${envelope.keyId}` },
      amountFen: null,
    };
  },
  // A plaintext copy of one stored file: the document, the version and the file's own name.
  'archive.allowDownload': async (db, { fileId }) => {
    const { file, document } = await liveFile(db, fileId);
    return {
      subject: { type: 'archive_file', id: fileId, label: `${document.name} · v${file.version} · ${file.file_name}` },
      amountFen: null,
    };
  },
  // Only a record past its retention can ever be deleted: one still kept is refused before any request.
  'archive.records.delete': async (db, { id }, now) => {
    const row = await liveRecord(db, id);
    await checkPastRetention(db, row, now);
    return { subject: { type: 'archive_document', id, label: row.name }, amountFen: null };
  },
};

export const APPROVABLE_OPERATIONS = Object.keys(describers) as OperationName[];

export function isApprovable(name: string): name is OperationName {
  return (APPROVABLE_OPERATIONS as string[]).includes(name);
}

export function describeHeld(
  db: Kysely<Database>,
  name: OperationName,
  input: unknown,
  now: Date,
): Promise<HeldSubject> {
  const describe = describers[name] as Describe<OperationName> | undefined;
  if (!describe) throw new AppError('NOT_APPROVABLE');
  return describe(db, input as never, now);
}
