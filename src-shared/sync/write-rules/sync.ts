/**
 * What the desk itself sends: the founding snapshot (everything a desk held before it founded a
 * property; the server takes it only from the founding desk, before any other change), writes
 * made outside any operation (`job.changes`: sign-in audit entries, the overdue-paperwork mark,
 * guests' phones and ID numbers and visitors' ID numbers sealed once the desk holds the key, the
 * month-end job's work records), and a supervisor's resolution of a sync conflict.
 */
import { SYNCED_TABLES } from '../tables';
import { archiveJobRules } from './archive';
import { bookingCancellation, ticketCancellation } from './cancellations';
import { byActor, equals, fromDesk, keptOrClearedWhile, oneOf, wasOneOf } from './checks';
import { sealedWaitingRules } from './guests';
import type { RowCheck, WriteRule } from './types';

export const SNAPSHOT_RULE: WriteRule = Object.fromEntries(
  Object.keys(SYNCED_TABLES).map((table) => [table, { insert: [] }]),
);

const cancelBooking = bookingCancellation(null);

/** The row belongs to the subject of the conflict this same change resolves. */
const subjectOfResolved =
  (column: string): RowCheck =>
  (row, context) =>
    context.written('sync_conflict').some((conflict) => conflict.subject_id === row[column])
      ? null
      : `${column} is not the resolved conflict's subject`;
const cancelOrder = ticketCancellation(null);

/** The operation name of a desk's work item for a change it could not run again on the newer state. */
export const REFUSED_OPERATION = 'sync.refused';

export const syncRules: Record<string, WriteRule> = {
  [REFUSED_OPERATION]: {
    sync_conflict: {
      insert: [
        equals('kind', 'rebase_refused'),
        equals('status', 'open'),
        fromDesk('device_id'),
        equals('resolution', null),
      ],
    },
  },
  'job.changes': {
    approval_request: {
      update: { columns: ['paperwork_overdue_logged'], checks: [equals('paperwork_overdue_logged', 1)] },
    },
    // An account from before signing keys gets its key when its owner first signs in; never replaced this way.
    staff: { update: { columns: ['sign_salt', 'sign_key'], checks: [wasOneOf('sign_key', [null])] } },
    ...sealedWaitingRules,
    // The month-end job's work records of this desk (src-main/services/archive/month-end.ts).
    ...archiveJobRules,
  },
  'conflicts.resolve': {
    sync_conflict: {
      update: {
        columns: ['status', 'resolution', 'resolution_note', 'resolved_by', 'resolved_by_name', 'resolved_at'],
        checks: [equals('status', 'resolved'), byActor('resolved_by'), wasOneOf('status', ['open'])],
      },
    },
    // Moved or upgraded to another room type (a room kept of the old type lapses), or cancelled free of
    // charge — only the conflict's own booking, not yet in house (nor cancelled already).
    booking: {
      update: {
        columns: ['room_type_id', 'room_id', 'status', 'total_fen'],
        checks: [
          oneOf('status', ['confirmed', 'cancelled']),
          wasOneOf('status', ['confirmed']),
          keptOrClearedWhile('room_id', 'status', ['confirmed']),
          subjectOfResolved('id'),
        ],
      },
    },
    booking_night: {
      insert: [subjectOfResolved('booking_id')],
      update: { columns: ['room_type_id'], checks: [subjectOfResolved('booking_id')] },
      delete: [subjectOfResolved('booking_id')],
    },
    booking_change: cancelBooking.booking_change!,
    cancellation: {
      insert: [
        byActor('staff_id'),
        equals('penalty_fen', 0),
        equals('waived_fen', 0),
        (row, context) =>
          subjectOfResolved(row.booking_id != null ? 'booking_id' : 'ticket_order_id')(row, context, null),
      ],
    },
    payment: { insert: [...cancelBooking.payment!.insert!, subjectOfResolved('booking_id')] },
    points_entry: cancelBooking.points_entry!,
    ticket_order: {
      update: {
        ...cancelOrder.ticket_order!.update!,
        checks: [...(cancelOrder.ticket_order!.update!.checks ?? []), subjectOfResolved('id')],
      },
    },
  },
};
