/** One step on a ticket: the complaint row (its aggregate root) changed, the timeline event, the audit entry. */
import type { ComplaintEventKind } from '@shared/contract';
import type { ComplaintRow } from '../../db/schema';
import { newId } from '../made';
import type { SignedInContext } from '../rpc/handler';
import { loadComplaint } from './read';

export type StepChanges = Partial<
  Pick<
    ComplaintRow,
    | 'status'
    | 'owner_id'
    | 'pending_owner_id'
    | 'co_owner_id'
    | 'responded_at'
    | 'resolved_at'
    | 'closed_at'
    | 'signed_off_by'
    | 'signed_off_at'
    | 'waiting_since'
  >
>;

/** A timeline event of the ticket, by the signed-in person, at this mutation's time. */
export async function addEvent(
  ctx: SignedInContext,
  complaintId: string,
  kind: ComplaintEventKind,
  note = '',
  target: string | null = null,
): Promise<void> {
  await ctx.db
    .insertInto('complaint_event')
    .values({
      id: newId(),
      complaint_id: complaintId,
      at: ctx.now.toISOString(),
      staff_id: ctx.session.staffId,
      kind,
      target_staff_id: target,
      note,
      server_version: null,
    })
    .execute();
}

export async function step(
  ctx: SignedInContext,
  row: ComplaintRow,
  kind: ComplaintEventKind,
  changes: StepChanges,
  note: string,
  target: string | null = null,
) {
  const at = ctx.now.toISOString();
  await ctx.db
    .updateTable('complaint')
    .set({ ...changes, updated_at: at })
    .where('id', '=', row.id)
    .execute();
  await addEvent(ctx, row.id, kind, note, target);
  ctx.audit({
    entityType: 'complaint',
    entityId: row.id,
    before: { status: row.status, owner: row.owner_id, pendingOwner: row.pending_owner_id, coOwner: row.co_owner_id },
    after: { step: kind, ...changes, ...(target && { target }) },
  });
  return loadComplaint(ctx.db, row.id, ctx.now);
}
