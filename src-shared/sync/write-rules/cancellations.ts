/**
 * Cancelling bookings and ticket orders, and waiving penalties. The cancellation record is the
 * actor's; the booking or order named by the input becomes cancelled; refunds are payments of
 * kind refund. Penalties and refunds are recomputed by the server from the booking's own terms.
 */
import { byActor, equals, fromDesk, namedByInput, oneOf, wasOneOf } from './checks';
import type { TableRule, WriteRule } from './types';

const history: TableRule = { insert: [byActor('staff_id')] };
const refund: TableRule = { insert: [byActor('staff_id'), equals('kind', 'refund')] };

/** What cancelling one booking writes; `subjectKey` names the input field holding the booking id (null: the conflict resolution names it). */
export function bookingCancellation(subjectKey: string | null): WriteRule {
  const named = subjectKey === null ? [] : [namedByInput('id', subjectKey)];
  return {
    booking: {
      update: {
        columns: ['status', 'total_fen'],
        checks: [...named, equals('status', 'cancelled'), wasOneOf('status', ['confirmed'])],
      },
    },
    booking_night: { delete: subjectKey === null ? [] : [namedByInput('booking_id', subjectKey)] },
    cancellation: {
      insert: [
        byActor('staff_id'),
        equals('waived_fen', 0),
        ...(subjectKey === null ? [] : [namedByInput('booking_id', subjectKey)]),
      ],
    },
    payment: refund,
    booking_change: history,
    // Points redeemed on the booking come back as a reversal entry, or — never posted — the redemption is voided.
    points_entry: {
      insert: [byActor('staff_id'), fromDesk('desk_id'), equals('kind', 'reverse')],
      update: {
        columns: ['status'],
        checks: [equals('kind', 'redeem'), equals('status', 'void'), wasOneOf('status', ['pending'])],
      },
    },
  };
}

export function ticketCancellation(subjectKey: string | null): WriteRule {
  const named = subjectKey === null ? [] : [namedByInput('id', subjectKey)];
  return {
    ticket_order: {
      update: {
        columns: ['status', 'total_fen'],
        checks: [...named, equals('status', 'cancelled'), wasOneOf('status', ['sold'])],
      },
    },
    cancellation: {
      insert: [
        byActor('staff_id'),
        equals('waived_fen', 0),
        ...(subjectKey === null ? [] : [namedByInput('ticket_order_id', subjectKey)]),
      ],
    },
  };
}

export const cancellationRules: Record<string, WriteRule> = {
  'bookings.cancel': bookingCancellation('id'),
  'tickets.cancel': ticketCancellation('orderId'),
  'cancellations.waive': {
    cancellation: {
      update: { columns: ['penalty_fen', 'refund_fen', 'waived_fen'], checks: [namedByInput('id', 'cancellationId')] },
    },
    booking: { update: { columns: ['total_fen'], checks: [oneOf('status', ['cancelled', 'no_show'])] } },
    ticket_order: { update: { columns: ['total_fen'], checks: [equals('status', 'cancelled')] } },
    payment: refund,
    booking_change: history,
  },
};
