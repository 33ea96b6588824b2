/**
 * Complaint tickets under 首问负责制: the opener owns the ticket; only its owner responds,
 * resolves, closes, waits on the guest or offers it to someone else, and ownership moves only when
 * the named receiver accepts. A group complaint opens with its response plan and a notice to the
 * directors. Each step updates the complaint row (its aggregate root), so two desks acting on one
 * ticket offline meet the server's stale check, and the loser's re-run meets these rules.
 */
import { GROUP_PLAN_STEPS, type ComplaintStatus } from '@shared/contract';
import { AppError } from '@shared/errors';
import type { ComplaintRow } from '../../db/schema';
import { businessDate } from '../business-date';
import { scheduleCallback } from '../callbacks/schedule';
import { activeGuest } from '../guests/rows';
import { newId } from '../made';
import { nextNumber } from '../numbers';
import type { HandlerMap, SignedInContext } from '../rpc/handler';
import { complaintCounts } from './counts';
import {
  complaintCategories,
  complaintReceivers,
  complaintRow,
  listComplaints,
  loadComplaint,
  staffName,
} from './read';
import { addEvent, step } from './step';

/** The ticket, if the signed-in person owns it and it is in one of `statuses`. */
async function ownedTicket(
  ctx: SignedInContext,
  id: string,
  statuses: readonly ComplaintStatus[],
): Promise<ComplaintRow> {
  const row = await complaintRow(ctx.db, id);
  if (row.owner_id !== ctx.session.staffId)
    throw new AppError('COMPLAINT_NOT_OWNER', { owner: await staffName(ctx.db, row.owner_id) });
  if (!statuses.includes(row.status)) throw new AppError('COMPLAINT_STATUS', { status: row.status });
  return row;
}

/** The ticket, if the signed-in person owns it, its targets are running and the clock is not paused. */
async function runningTicket(ctx: SignedInContext, id: string): Promise<ComplaintRow> {
  const row = await ownedTicket(ctx, id, ['open', 'responded']);
  if (row.waiting_since !== null) throw new AppError('COMPLAINT_WAITING');
  return row;
}

/** The ticket, if a hand-over to the signed-in person is waiting on it. */
async function offeredTicket(ctx: SignedInContext, id: string): Promise<ComplaintRow> {
  const row = await complaintRow(ctx.db, id);
  if (row.pending_owner_id !== ctx.session.staffId) throw new AppError('COMPLAINT_HANDOVER_NOT_YOURS');
  return row;
}

export const complaintHandlers: HandlerMap<
  | 'complaints.categories'
  | 'complaints.receivers'
  | 'complaints.open'
  | 'complaints.list'
  | 'complaints.counts'
  | 'complaints.get'
  | 'complaints.respond'
  | 'complaints.offerHandover'
  | 'complaints.acceptHandover'
  | 'complaints.declineHandover'
  | 'complaints.resolve'
  | 'complaints.close'
  | 'complaints.reopen'
  | 'complaints.pause'
  | 'complaints.resume'
> = {
  'complaints.categories': async (ctx) => complaintCategories(ctx.db),

  'complaints.receivers': async (ctx) => complaintReceivers(ctx.db),

  'complaints.open': async (ctx, input) => {
    const category = await ctx.db
      .selectFrom('complaint_category')
      .select('code')
      .where('code', '=', input.category)
      .executeTakeFirst();
    if (!category) throw new AppError('COMPLAINT_CATEGORY_UNKNOWN', undefined, ['category']);
    if (input.guestId !== null) await activeGuest(ctx.db, input.guestId);
    if (
      input.bookingId !== null &&
      !(await ctx.db.selectFrom('booking').select('id').where('id', '=', input.bookingId).executeTakeFirst())
    )
      throw new AppError('NOT_FOUND');
    if (
      input.ticketOrderId !== null &&
      !(await ctx.db.selectFrom('ticket_order').select('id').where('id', '=', input.ticketOrderId).executeTakeFirst())
    )
      throw new AppError('NOT_FOUND');
    const at = ctx.now.toISOString();
    const id = newId();
    const number = await nextNumber(ctx.db, ctx, 'K', await businessDate(ctx.db, ctx.now));
    const staffId = ctx.session.staffId;
    await ctx.db
      .insertInto('complaint')
      .values({
        id,
        number,
        opened_at: at,
        opened_by: staffId,
        device: ctx.device.id,
        channel: input.channel,
        category: input.category,
        severity: input.severity,
        guest_id: input.guestId,
        booking_id: input.bookingId,
        ticket_order_id: input.ticketOrderId,
        description: input.description,
        expectation: input.expectation,
        status: 'open',
        owner_id: staffId,
        pending_owner_id: null,
        responded_at: null,
        resolved_at: null,
        closed_at: null,
        co_owner_id: null,
        signed_off_by: null,
        signed_off_at: null,
        waiting_since: null,
        created_at: at,
        updated_at: at,
        server_version: null,
      })
      .execute();
    await addEvent(ctx, id, 'opened');
    if (input.severity === 'group') {
      // The higher response plan: its checklist on the ticket, and the directors told (their badge and list).
      await ctx.db
        .insertInto('complaint_plan_item')
        .values(
          GROUP_PLAN_STEPS.map((planStep, position) => ({
            id: newId(),
            complaint_id: id,
            step: planStep,
            position,
            done_at: null,
            done_by: null,
            server_version: null,
          })),
        )
        .execute();
      await addEvent(ctx, id, 'director_notified');
    }
    ctx.audit({
      entityType: 'complaint',
      entityId: id,
      after: { number, channel: input.channel, category: input.category, severity: input.severity },
    });
    return loadComplaint(ctx.db, id, ctx.now);
  },

  'complaints.list': async (ctx, filter) => listComplaints(ctx.db, ctx.session.staffId, filter, ctx.now),

  'complaints.counts': async (ctx) => complaintCounts(ctx.db, ctx.session, ctx.now),

  'complaints.get': async (ctx, { id }) => loadComplaint(ctx.db, id, ctx.now),

  'complaints.respond': async (ctx, { id, note }) => {
    const row = await runningTicket(ctx, id);
    return step(
      ctx,
      row,
      'responded',
      { status: 'responded', responded_at: row.responded_at ?? ctx.now.toISOString() },
      note,
    );
  },

  'complaints.offerHandover': async (ctx, { id, toStaffId, note }) => {
    const row = await ownedTicket(ctx, id, ['open', 'responded', 'resolved']);
    if (row.pending_owner_id !== null)
      throw new AppError('COMPLAINT_HANDOVER_PENDING', { receiver: await staffName(ctx.db, row.pending_owner_id) });
    const receivers = await complaintReceivers(ctx.db);
    if (!receivers.some((receiver) => receiver.id === toStaffId) || toStaffId === row.owner_id)
      throw new AppError('COMPLAINT_HANDOVER_TARGET', undefined, ['toStaffId']);
    return step(ctx, row, 'handover_offered', { pending_owner_id: toStaffId }, note, toStaffId);
  },

  'complaints.acceptHandover': async (ctx, { id, note }) => {
    const row = await offeredTicket(ctx, id);
    return step(ctx, row, 'handover_accepted', { owner_id: ctx.session.staffId, pending_owner_id: null }, note);
  },

  'complaints.declineHandover': async (ctx, { id, note }) => {
    const row = await offeredTicket(ctx, id);
    return step(ctx, row, 'handover_declined', { pending_owner_id: null }, note);
  },

  // The guest named on the ticket gets a satisfaction call-back within a day.
  'complaints.resolve': async (ctx, { id, note }) => {
    const row = await runningTicket(ctx, id);
    if (row.guest_id !== null)
      await scheduleCallback(ctx, {
        kind: 'complaint',
        guestId: row.guest_id,
        bookingId: row.booking_id,
        complaintId: row.id,
      });
    return step(ctx, row, 'resolved', { status: 'resolved', resolved_at: ctx.now.toISOString() }, note);
  },

  // A major or group complaint closes by its co-owner's sign-off (complaints.signOff).
  'complaints.close': async (ctx, { id, note }) => {
    const row = await ownedTicket(ctx, id, ['resolved']);
    if (row.severity !== 'general') throw new AppError('COMPLAINT_SIGN_OFF_REQUIRED');
    return step(ctx, row, 'closed', { status: 'closed', closed_at: ctx.now.toISOString() }, note);
  },

  'complaints.reopen': async (ctx, { id, note }) => {
    const row = await complaintRow(ctx.db, id);
    if (row.owner_id !== ctx.session.staffId && row.co_owner_id !== ctx.session.staffId)
      throw new AppError('COMPLAINT_NOT_OWNER_OR_CO_OWNER');
    if (row.status !== 'resolved' && row.status !== 'closed')
      throw new AppError('COMPLAINT_STATUS', { status: row.status });
    return step(
      ctx,
      row,
      'reopened',
      {
        status: row.responded_at === null ? 'open' : 'responded',
        resolved_at: null,
        closed_at: null,
        signed_off_by: null,
        signed_off_at: null,
      },
      note,
    );
  },

  'complaints.pause': async (ctx, { id, note }) => {
    const row = await ownedTicket(ctx, id, ['open', 'responded']);
    if (row.waiting_since !== null) throw new AppError('COMPLAINT_WAITING');
    return step(ctx, row, 'paused', { waiting_since: ctx.now.toISOString() }, note);
  },

  'complaints.resume': async (ctx, { id, note }) => {
    const row = await ownedTicket(ctx, id, ['open', 'responded']);
    if (row.waiting_since === null) throw new AppError('COMPLAINT_NOT_WAITING');
    return step(ctx, row, 'resumed', { waiting_since: null }, note);
  },
};
