/** Timed-entry tickets: a sale is the actor's, at this desk, sold; its visitors belong to it; redemption marks visitors used by the actor. */
import { byActor, equals, fromDesk, namedByInput, partOfWritten } from './checks';
import type { WriteRule } from './types';

export const ticketRules: Record<string, WriteRule> = {
  'tickets.sell': {
    ticket_order: {
      insert: [
        equals('status', 'sold'),
        byActor('created_by'),
        fromDesk('desk_id'),
        namedByInput('product_id', 'productId'),
        namedByInput('slot_id', 'slotId'),
        namedByInput('visit_date', 'visitDate'),
      ],
    },
    ticket_visitor: {
      insert: [partOfWritten('order_id', 'ticket_order'), equals('redeemed_at', null), equals('redeemed_by', null)],
    },
  },
  'tickets.redeem': {
    ticket_order: { update: { columns: [], checks: [namedByInput('id', 'orderId'), equals('status', 'sold')] } },
    ticket_visitor: {
      update: {
        columns: ['redeemed_at', 'redeemed_by'],
        checks: [
          namedByInput('order_id', 'orderId'),
          byActor('redeemed_by'),
          (_row, _context, before) =>
            before === null || before.redeemed_at === null ? null : 'visitor already redeemed',
        ],
      },
    },
  },
};
