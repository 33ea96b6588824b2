/**
 * Approval requests and decisions. A request is the requester's own, from this desk, pending; a
 * decision is the decider's own and never the requester's. Whether the decider was entitled is
 * checked by the server against its own matrix and tiers (src-server/sync/approvals.ts).
 */
import { byActor, equals, fromDesk, partOfWritten } from './checks';
import type { RowCheck, WriteRule } from './types';

const notOwnRequest: RowCheck = (row, context) => {
  const request = context.written('approval_request').find((r) => r.id === row.request_id);
  return request && request.requester_id === row.decider_id ? 'a requester decides their own request' : null;
};

/** At the desk the approver is another person who typed their password here; from the queue it is the actor. */
const decisionRule = (atDesk: boolean): WriteRule => ({
  approval_decision: {
    insert: [
      partOfWritten('request_id', 'approval_request'),
      notOwnRequest,
      ...(atDesk ? [equals('at_desk', 1)] : [byActor('decider_id'), equals('at_desk', 0)]),
    ],
  },
  approval_request: {
    update: {
      columns: [
        'status',
        'awaiting_role',
        'awaiting_review',
        'emergency',
        'paperwork_due_at',
        'decided_at',
        'result_json',
        'error_code',
      ],
      checks: [
        (_row, _context, before) =>
          before === null || before.status === 'pending' ? null : 'request no longer pending',
        // The approver comes to the desk of the person who asked, who is the one signed in there.
        ...(atDesk ? [byActor('requester_id')] : []),
      ],
    },
  },
});

export const approvalRules: Record<string, WriteRule> = {
  'approvals.request': {
    approval_request: {
      insert: [
        byActor('requester_id'),
        fromDesk('desk_id'),
        equals('status', 'pending'),
        equals('emergency', 0),
        equals('paperwork_done_at', null),
      ],
    },
  },
  'approvals.decide': decisionRule(false),
  'approvals.approveAtDesk': decisionRule(true),
  'approvals.completePaperwork': {
    approval_request: {
      update: {
        columns: ['paperwork_done_at', 'paperwork_note', 'paperwork_overdue_logged'],
        checks: [equals('emergency', 1)],
      },
    },
  },
};
