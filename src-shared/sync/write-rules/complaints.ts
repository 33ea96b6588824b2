/**
 * Complaint tickets: opened by the actor, who owns it; each later step is the owner's, except
 * taking up or turning down a hand-over (the named receiver's), escalation (the owner's, or the
 * supervisor's taking it up), sign-off (the co-owner's) and reopening or ticking the plan (owner
 * or co-owner). Every step writes the complaint row (the aggregate root) beside its timeline
 * event, so the server's stale check on the root decides between two desks acting on one ticket
 * offline. Targets and the calendar's corrections are policy rows, written by their own operations.
 */
import { all, byActor, equals, fromDesk, namedByInput, oneOf, partOfWritten, wasOneOf } from './checks';
import { newCallback } from './callbacks';
import type { RowCheck, TableRule, WriteRule } from './types';

/** The hand-over this step settles was offered to the actor. */
const offeredToActor: RowCheck = (_row, context, before) =>
  before !== null && context.actor !== null && before.pending_owner_id === context.actor.id
    ? null
    : 'the hand-over was not offered to the actor';

/** The actor owned the ticket or co-owned it, before this step. */
export const ownerOrCoOwner: RowCheck = (_row, context, before) =>
  before !== null && context.actor !== null && [before.owner_id, before.co_owner_id].includes(context.actor.id)
    ? null
    : 'the actor neither owns nor co-owns the ticket';

/** The actor co-owned the ticket before this step. */
const coOwnerActs: RowCheck = (_row, context, before) =>
  before !== null && context.actor !== null && before.co_owner_id === context.actor.id
    ? null
    : 'the actor does not co-own the ticket';

/** Escalation: by the owner, or by the supervisor the input names, taking it up. */
const escalatedByOwnerOrSupervisor: RowCheck = (row, context, before) => {
  if (before === null || context.actor === null) return 'no ticket before';
  return before.owner_id === context.actor.id || row.co_owner_id === context.actor.id
    ? null
    : 'escalated by neither the owner nor the supervisor named';
};

/** The complaint this same mutation opened is a group complaint: only it has a response plan and a notice to the directors. */
const ofGroupComplaint: RowCheck = (row, context) =>
  context.written('complaint').some((ticket) => ticket.id === row.complaint_id && ticket.severity === 'group')
    ? null
    : 'complaint_id is not a group complaint of this change';

/** The opening step, or the directors' notice of a group complaint. */
const openingEvent: RowCheck = (row, context, before) =>
  row.kind === 'opened'
    ? null
    : row.kind === 'director_notified'
      ? ofGroupComplaint(row, context, before)
      : 'kind must be opened or director_notified';

/** The call-back a resolution schedules: for the guest of the ticket this same mutation resolved. */
const resolutionCallback: TableRule = {
  insert: [
    ...newCallback,
    equals('kind', 'complaint'),
    namedByInput('complaint_id', 'id'),
    (row, context) => {
      const ticket = context.written('complaint').find((written) => written.id === row.complaint_id);
      if (!ticket) return 'complaint_id is not a ticket of this change';
      return ticket.guest_id === row.guest_id && ticket.booking_id === row.booking_id
        ? null
        : "guest_id or booking_id is not the ticket's";
    },
  ],
};

/** The ticket's own event of this step, written by the actor. */
const event = (kind: string, ...checks: RowCheck[]): TableRule => ({
  insert: [byActor('staff_id'), namedByInput('complaint_id', 'id'), equals('kind', kind), ...checks],
});

/** An update of the ticket the input names, by its owner. */
const ownerStep = (columns: readonly string[], ...checks: RowCheck[]): TableRule => ({
  update: { columns: [...columns, 'updated_at'], checks: [namedByInput('id', 'id'), byActor('owner_id'), ...checks] },
});

/** The clock runs only while nobody waits on the guest. */
const notWaiting = all(wasOneOf('waiting_since', [null]), equals('waiting_since', null));

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
        equals('co_owner_id', null),
        equals('signed_off_by', null),
        equals('signed_off_at', null),
        equals('waiting_since', null),
      ],
    },
    complaint_event: {
      insert: [
        byActor('staff_id'),
        partOfWritten('complaint_id', 'complaint'),
        openingEvent,
        equals('target_staff_id', null),
      ],
    },
    // A group complaint's response plan, every step still to do.
    complaint_plan_item: {
      insert: [ofGroupComplaint, equals('done_at', null), equals('done_by', null)],
    },
  },
  'complaints.respond': {
    complaint: ownerStep(
      ['status', 'responded_at'],
      wasOneOf('status', ['open', 'responded']),
      equals('status', 'responded'),
      ...notWaiting,
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
      ...notWaiting,
    ),
    complaint_event: event('resolved'),
    callback: resolutionCallback,
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
  'complaints.reopen': {
    complaint: {
      update: {
        columns: ['status', 'resolved_at', 'closed_at', 'signed_off_by', 'signed_off_at', 'updated_at'],
        checks: [
          namedByInput('id', 'id'),
          ownerOrCoOwner,
          wasOneOf('status', ['resolved', 'closed']),
          oneOf('status', ['open', 'responded']),
          equals('resolved_at', null),
          equals('closed_at', null),
          equals('signed_off_by', null),
        ],
      },
    },
    complaint_event: event('reopened'),
  },
  'complaints.pause': {
    complaint: ownerStep(['waiting_since'], wasOneOf('waiting_since', [null]), oneOf('status', ['open', 'responded'])),
    complaint_event: event('paused'),
  },
  'complaints.resume': {
    complaint: ownerStep(['waiting_since'], equals('waiting_since', null), oneOf('status', ['open', 'responded'])),
    complaint_event: event('resumed'),
  },
  'complaints.escalate': {
    complaint: {
      update: {
        columns: ['co_owner_id', 'updated_at'],
        checks: [
          namedByInput('id', 'id'),
          namedByInput('co_owner_id', 'supervisorId'),
          wasOneOf('co_owner_id', [null]),
          oneOf('severity', ['major', 'group']),
          oneOf('status', ['open', 'responded', 'resolved']),
          escalatedByOwnerOrSupervisor,
        ],
      },
    },
    complaint_event: event('escalated', namedByInput('target_staff_id', 'supervisorId')),
  },
  'complaints.signOff': {
    complaint: {
      update: {
        columns: ['status', 'closed_at', 'signed_off_by', 'signed_off_at', 'updated_at'],
        checks: [
          namedByInput('id', 'id'),
          coOwnerActs,
          byActor('signed_off_by'),
          wasOneOf('status', ['resolved']),
          equals('status', 'closed'),
          oneOf('severity', ['major', 'group']),
        ],
      },
    },
    complaint_event: event('signed_off'),
  },
  'complaints.tickPlan': {
    complaint: {
      update: { columns: ['updated_at'], checks: [namedByInput('id', 'id'), ownerOrCoOwner] },
    },
    complaint_plan_item: {
      update: {
        columns: ['done_at', 'done_by'],
        checks: [
          namedByInput('id', 'itemId'),
          namedByInput('complaint_id', 'id'),
          wasOneOf('done_at', [null]),
          byActor('done_by'),
        ],
      },
    },
    complaint_event: event('plan_step_done'),
  },
  'complaints.setTarget': {
    complaint_target: {
      update: {
        columns: ['respond_amount', 'respond_unit', 'resolve_amount', 'resolve_unit'],
        checks: [namedByInput('severity', 'severity')],
      },
    },
  },
  'complaints.correctCalendar': {
    working_day_correction: {
      insert: [namedByInput('date', 'date')],
      update: { columns: ['working', 'note'], checks: [namedByInput('date', 'date')] },
      delete: [namedByInput('date', 'date')],
    },
  },
};
