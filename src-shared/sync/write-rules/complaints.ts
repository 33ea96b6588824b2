/**
 * Complaint tickets: opened by the actor, who owns it; each later step is the owner's, except
 * taking up or turning down a hand-over, which is the named receiver's. Every step writes the
 * complaint row (the aggregate root) beside its timeline event, so the server's stale check on
 * the root decides between two desks acting on one ticket offline.
 */
import { byActor, equals, fromDesk, namedByInput, oneOf, partOfWritten, wasOneOf } from './checks';
import type { RowCheck, TableRule, WriteRule } from './types';

/** The hand-over this step settles was offered to the actor. */
const offeredToActor: RowCheck = (_row, context, before) =>
  before !== null && context.actor !== null && before.pending_owner_id === context.actor.id
    ? null
    : 'the hand-over was not offered to the actor';

/** The ticket's own event of this step, written by the actor. */
const event = (kind: string, ...checks: RowCheck[]): TableRule => ({
  insert: [byActor('staff_id'), namedByInput('complaint_id', 'id'), equals('kind', kind), ...checks],
});

/** An update of the ticket the input names, by its owner. */
const ownerStep = (columns: readonly string[], ...checks: RowCheck[]): TableRule => ({
  update: { columns: [...columns, 'updated_at'], checks: [namedByInput('id', 'id'), byActor('owner_id'), ...checks] },
});

export const complaintRules: Record<string, WriteRule> = {
  'complaints.open': {
    complaint: {
      insert: [
        byActor('opened_by'),
        byActor('owner_id'),
        fromDesk('device'),
        equals('status', 'open'),
        equals('pending_owner_id', null),
        equals('responded_at', null),
        equals('resolved_at', null),
        equals('closed_at', null),
      ],
    },
    complaint_event: {
      insert: [byActor('staff_id'), partOfWritten('complaint_id', 'complaint'), equals('kind', 'opened')],
    },
  },
  'complaints.respond': {
    complaint: ownerStep(
      ['status', 'responded_at'],
      wasOneOf('status', ['open', 'responded']),
      equals('status', 'responded'),
    ),
    complaint_event: event('responded'),
  },
  'complaints.offerHandover': {
    complaint: ownerStep(
      ['pending_owner_id'],
      namedByInput('pending_owner_id', 'toStaffId'),
      wasOneOf('pending_owner_id', [null]),
      oneOf('status', ['open', 'responded', 'resolved']),
    ),
    complaint_event: event('handover_offered', namedByInput('target_staff_id', 'toStaffId')),
  },
  'complaints.acceptHandover': {
    complaint: {
      update: {
        columns: ['owner_id', 'pending_owner_id', 'updated_at'],
        checks: [namedByInput('id', 'id'), offeredToActor, byActor('owner_id'), equals('pending_owner_id', null)],
      },
    },
    complaint_event: event('handover_accepted'),
  },
  'complaints.declineHandover': {
    complaint: {
      update: {
        columns: ['pending_owner_id', 'updated_at'],
        checks: [namedByInput('id', 'id'), offeredToActor, equals('pending_owner_id', null)],
      },
    },
    complaint_event: event('handover_declined'),
  },
  'complaints.resolve': {
    complaint: ownerStep(
      ['status', 'resolved_at'],
      wasOneOf('status', ['open', 'responded']),
      equals('status', 'resolved'),
    ),
    complaint_event: event('resolved'),
  },
  'complaints.close': {
    complaint: ownerStep(
      ['status', 'closed_at'],
      wasOneOf('status', ['resolved']),
      equals('status', 'closed'),
      equals('severity', 'general'),
    ),
    complaint_event: event('closed'),
  },
};
