/**
 * Escalation: a major complaint brings in a supervisor as co-owner, a group complaint a director
 * (general manager); the owner names them, or they take it up themselves. The co-owner signs the
 * resolution off, which closes the ticket. Owner and co-owner tick the group plan's steps.
 */
import type { ComplaintSeverity, StaffRef } from '@shared/contract';
import { AppError } from '@shared/errors';
import { mayCoOwn } from '@shared/rules/complaint-escalation';
import type { Role } from '@shared/permissions';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { HandlerMap } from '../rpc/handler';
import { complaintRow, loadComplaint, staffName } from './read';
import { step } from './step';

/** Active staff who may co-own a complaint of this severity, by name. */
export async function eligibleSupervisors(db: Kysely<Database>, severity: ComplaintSeverity): Promise<StaffRef[]> {
  const rows = await db
    .selectFrom('staff')
    .innerJoin('role_permission', 'role_permission.role', 'staff.role')
    .select(['staff.id', 'staff.display_name', 'staff.role'])
    .where('staff.active', '=', 1)
    .where('role_permission.permission', '=', 'complaints.supervise')
    .orderBy('staff.display_name')
    .execute();
  return rows
    .filter((row) => mayCoOwn(row.role as Role, severity))
    .map((row) => ({ id: row.id, name: row.display_name }));
}

export const escalationHandlers: HandlerMap<
  'complaints.supervisors' | 'complaints.escalate' | 'complaints.signOff' | 'complaints.tickPlan'
> = {
  'complaints.supervisors': async (ctx, { severity }) => eligibleSupervisors(ctx.db, severity),

  'complaints.escalate': async (ctx, { id, supervisorId, note }) => {
    const row = await complaintRow(ctx.db, id);
    const me = ctx.session.staffId;
    if (row.owner_id !== me && supervisorId !== me)
      throw new AppError('COMPLAINT_NOT_OWNER', { owner: await staffName(ctx.db, row.owner_id) });
    if (row.severity === 'general') throw new AppError('COMPLAINT_GENERAL_NOT_ESCALATED');
    if (row.status === 'closed') throw new AppError('COMPLAINT_STATUS', { status: row.status });
    if (row.co_owner_id !== null)
      throw new AppError('COMPLAINT_CO_OWNED', { coOwner: await staffName(ctx.db, row.co_owner_id) });
    const eligible = await eligibleSupervisors(ctx.db, row.severity);
    if (supervisorId === row.owner_id || !eligible.some((staff) => staff.id === supervisorId))
      throw new AppError('COMPLAINT_SUPERVISOR_TARGET', undefined, ['supervisorId']);
    return step(ctx, row, 'escalated', { co_owner_id: supervisorId }, note, supervisorId);
  },

  'complaints.signOff': async (ctx, { id, note }) => {
    const row = await complaintRow(ctx.db, id);
    if (row.co_owner_id !== ctx.session.staffId) throw new AppError('COMPLAINT_NOT_CO_OWNER');
    if (row.status !== 'resolved') throw new AppError('COMPLAINT_STATUS', { status: row.status });
    const at = ctx.now.toISOString();
    return step(
      ctx,
      row,
      'signed_off',
      { status: 'closed', closed_at: at, signed_off_by: ctx.session.staffId, signed_off_at: at },
      note,
    );
  },

  'complaints.tickPlan': async (ctx, { id, itemId }) => {
    const row = await complaintRow(ctx.db, id);
    if (row.owner_id !== ctx.session.staffId && row.co_owner_id !== ctx.session.staffId)
      throw new AppError('COMPLAINT_NOT_OWNER_OR_CO_OWNER');
    if (row.status === 'closed') throw new AppError('COMPLAINT_STATUS', { status: row.status });
    const item = await ctx.db
      .selectFrom('complaint_plan_item')
      .selectAll()
      .where('id', '=', itemId)
      .where('complaint_id', '=', id)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    if (!item) throw new AppError('COMPLAINT_PLAN_STEP');
    await ctx.db
      .updateTable('complaint_plan_item')
      .set({ done_at: ctx.now.toISOString(), done_by: ctx.session.staffId })
      .where('id', '=', itemId)
      .execute();
    await step(ctx, row, 'plan_step_done', {}, item.step);
    return loadComplaint(ctx.db, id, ctx.now);
  },
};
