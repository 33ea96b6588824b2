/**
 * Compensation on a complaint ticket: by its owner or co-owner, while it is not closed. The ticket
 * row (the aggregate root) is touched, the 'compensated' event and the compensation row are the
 * actor's and say what the input says. Points go in as the ledger entry `members.adjust` writes,
 * for the member the compensation names; a refund is the payment `payments.record` may write, of
 * kind refund, on the complaint's own booking, for the input's amount. Whether the amount needed a
 * higher approver is the server's own reckoning (src-server/sync/approvals.ts).
 */
import { bookingRules } from './bookings';
import { byActor, equals, namedByInput, oneOf, partOfWritten } from './checks';
import { ownerOrCoOwner } from './complaints';
import { guestRules } from './guests';
import type { RowCheck, TableRule, WriteContext, WriteRule } from './types';

const inputOf = (context: WriteContext): Record<string, unknown> =>
  context.input !== null && typeof context.input === 'object' ? (context.input as Record<string, unknown>) : {};

/** The one row this mutation wrote to `table` (the complaint, its compensation), or null. */
const writtenRow = (context: WriteContext, table: string) => context.written(table)[0] ?? null;

/**
 * Another operation's rule for a table, checked as if that operation's input were `input(context)`:
 * the checks `members.adjust` and `payments.record` make, with the member and the booking this
 * mutation's own rows name instead of an input field.
 */
function asIn(rule: TableRule | undefined, input: (context: WriteContext) => unknown): RowCheck[] {
  if (!rule?.insert) throw new Error('the rule reused here inserts nothing');
  return rule.insert.map(
    (check) => (row, context, before) => check(row, { ...context, input: input(context) }, before),
  );
}

/** Member and payment go with the kinds that have them, and only with those. */
const targetOfKind: RowCheck = (row) => {
  if ((row.kind === 'points') !== (row.member_id != null)) return 'member_id goes with points, and only with them';
  if ((row.kind === 'refund') !== (row.payment_id != null)) return 'payment_id goes with a refund, and only with it';
  return null;
};

/** A refund of exactly the input's amount (stored negative). */
const refundOfInput: RowCheck = (row, context) =>
  row.amount_fen === -Number(inputOf(context).amountFen) ? null : 'amount_fen is not the input’s refund';

export const compensationRules: Record<string, WriteRule> = {
  'complaints.compensate': {
    complaint: {
      update: {
        columns: ['updated_at'],
        checks: [namedByInput('id', 'id'), ownerOrCoOwner, oneOf('status', ['open', 'responded', 'resolved'])],
      },
    },
    complaint_event: {
      insert: [
        byActor('staff_id'),
        namedByInput('complaint_id', 'id'),
        equals('kind', 'compensated'),
        equals('target_staff_id', null),
        namedByInput('note', 'note'),
      ],
    },
    complaint_compensation: {
      insert: [
        byActor('given_by'),
        namedByInput('complaint_id', 'id'),
        namedByInput('kind', 'kind'),
        namedByInput('amount_fen', 'amountFen'),
        namedByInput('points', 'points'),
        namedByInput('note', 'note'),
        targetOfKind,
      ],
    },
    points_entry: {
      insert: [
        ...asIn(guestRules['members.adjust']?.points_entry, (context) => ({
          memberId: writtenRow(context, 'complaint_compensation')?.member_id,
        })),
        namedByInput('points', 'points'),
      ],
    },
    payment: {
      insert: [
        ...asIn(bookingRules['payments.record']?.payment, (context) => ({
          bookingId: writtenRow(context, 'complaint')?.booking_id,
        })),
        equals('kind', 'refund'),
        refundOfInput,
        partOfWritten('id', 'complaint_compensation', 'payment_id'),
      ],
    },
  },
};
