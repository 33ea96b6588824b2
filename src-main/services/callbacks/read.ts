/** Call-backs read back for the service reps: one, or the open list by when to call and the done list newest first. */
import type { Kysely } from 'kysely';
import type { Callback } from '@shared/contract';
import type { CallbackView } from '@shared/contract/callbacks';
import { AppError } from '@shared/errors';
import { localDateOf, localDayStartUtc, nextLocalDate } from '@shared/time';
import type { CallbackRow, Database } from '../../db/schema';

/** How many done call-backs the list shows: the latest ones, enough to look one up after the call. */
export const DONE_LIMIT = 200;

export async function callbackRow(db: Kysely<Database>, id: string): Promise<CallbackRow> {
  const row = await db.selectFrom('callback').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

function withNames(db: Kysely<Database>) {
  return db
    .selectFrom('callback')
    .leftJoin('guest', 'guest.id', 'callback.guest_id')
    .leftJoin('booking', 'booking.id', 'callback.booking_id')
    .leftJoin('complaint', 'complaint.id', 'callback.complaint_id')
    .leftJoin('staff', 'staff.id', 'callback.done_by')
    .selectAll('callback')
    .select([
      'guest.name as guest_name',
      'guest.phone_last4 as guest_phone_last4',
      'booking.number as booking_number',
      'complaint.number as complaint_number',
      'staff.display_name as done_by_name',
    ]);
}

type Named = CallbackRow & {
  guest_name: string | null;
  guest_phone_last4: string | null;
  booking_number: string | null;
  complaint_number: string | null;
  done_by_name: string | null;
};

function callbackOf(row: Named): Callback {
  return {
    id: row.id,
    kind: row.kind,
    guestId: row.guest_id,
    guestName: row.guest_name,
    phoneLast4: row.guest_phone_last4,
    bookingId: row.booking_id,
    bookingNumber: row.booking_number,
    complaintId: row.complaint_id,
    complaintNumber: row.complaint_number,
    createdAt: row.created_at,
    dueAt: row.due_at,
    status: row.status,
    attempts: row.attempts,
    lastAttemptAt: row.last_attempt_at,
    lastOutcome: row.last_outcome,
    callAgainAt: row.call_again_at,
    score: row.score,
    words: row.words,
    doneBy: row.done_by === null ? null : { id: row.done_by, name: row.done_by_name ?? row.done_by },
  };
}

export async function loadCallback(db: Kysely<Database>, id: string): Promise<Callback> {
  const row = await withNames(db).where('callback.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return callbackOf(row);
}

/** The start of the property's next calendar day: a call-back due "today" is one to make before it. */
export async function endOfToday(db: Kysely<Database>, now: Date): Promise<string> {
  const { time_zone: zone } = await db.selectFrom('property').select('time_zone').executeTakeFirstOrThrow();
  return localDayStartUtc(nextLocalDate(localDateOf(now, zone)), zone);
}

/**
 * open: every open task, soonest to call first (a guest who asked to be called again by the time
 * they asked for; see callBy in src-shared/rules/callbacks.ts); today: of those, the ones to call
 * before the property's day ends (the home screen's and the badge's count); done: the latest
 * DONE_LIMIT, newest first.
 */
export async function listCallbacks(db: Kysely<Database>, view: CallbackView, now: Date): Promise<Callback[]> {
  let query = withNames(db).where('callback.status', '=', view === 'done' ? 'done' : 'open');
  if (view === 'today') {
    const dueBy = await endOfToday(db, now);
    query = query.where((eb) => eb(eb.fn.coalesce('callback.call_again_at', 'callback.due_at'), '<', dueBy));
  }
  const rows =
    view !== 'done'
      ? await query
          .orderBy((eb) => eb.fn.coalesce('callback.call_again_at', 'callback.due_at'))
          .orderBy('callback.created_at')
          .orderBy('callback.id')
          .execute()
      : await query
          .orderBy('callback.last_attempt_at', 'desc')
          .orderBy('callback.id', 'desc')
          .limit(DONE_LIMIT)
          .execute();
  return rows.map(callbackOf);
}
