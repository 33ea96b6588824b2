/**
 * One person's decision on a request, from the queue or at the desk. Separation of duties and
 * the approver's tier are checked now, against the decider's current role; when nothing is
 * outstanding any more the held operation runs, once, in this same transaction.
 */
import { isOperationName, operations, type ApprovalRequest, type DecisionKind } from '@shared/contract';
import { AppError } from '@shared/errors';
import { isPermission, isRole, type Permission, type Role } from '@shared/permissions';
import { approvalAuthority, APPROVER_RANK } from '@shared/rules/approval-tiers';
import { newId } from '../made';
import type { ApprovalRequestRow, StaffRow } from '../../db/schema';
import { grantsOf } from '../permissions';
import type { HandlerContext } from '../rpc/handler';
import { newSession } from '../auth/session-info';
import { findStaff } from '../staff/staff-rows';
import { loadPaperworkDays } from './policy';
import { findRequestRow, heldApprovalOf, loadRequest } from './requests';
import { toJson } from '@shared/json';

export interface Decision {
  kind: DecisionKind;
  emergency: boolean;
  atDesk: boolean;
  comment: string;
}

/** What a decider of `role`, holding `grants`, can satisfy of what the request still awaits. */
export function deciderCapacity(
  request: ApprovalRequestRow,
  role: Role,
  grants: ReadonlySet<Permission>,
  emergency: boolean,
) {
  const awaitingRole = request.awaiting_role !== null && isRole(request.awaiting_role) ? request.awaiting_role : null;
  const mayDecide = grants.has('approvals.decide');
  const authority = awaitingRole && mayDecide ? approvalAuthority(role, awaitingRole, emergency) : null;
  const permission = isOperationName(request.operation) ? operations[request.operation].access : undefined;
  const reviews =
    request.awaiting_review === 1 &&
    typeof permission === 'string' &&
    isPermission(permission) &&
    grants.has(permission);
  return { awaitingRole, mayDecide, authority, reviews };
}

export async function decide(
  ctx: HandlerContext,
  requestId: string,
  decider: StaffRow,
  decision: Decision,
): Promise<ApprovalRequest> {
  const request = await findRequestRow(ctx.db, requestId);
  if (request.status !== 'pending') throw new AppError('APPROVAL_NOT_PENDING');
  if (decider.id === request.requester_id) throw new AppError('APPROVAL_OWN_REQUEST');
  if (!decider.active || !isRole(decider.role)) throw new AppError('APPROVER_NOT_ALLOWED');
  const role = decider.role;
  const { awaitingRole, mayDecide, authority, reviews } = deciderCapacity(
    request,
    role,
    await grantsOf(ctx.db, role),
    decision.emergency,
  );
  const approves = authority !== null;
  // Someone acting as an approver (or called to the desk to approve) must carry the tier; a
  // second person who only holds the operation's permission may still review.
  if (awaitingRole && !approves && (decision.atDesk || (mayDecide && APPROVER_RANK[role] > 0) || !reviews)) {
    if (mayDecide && APPROVER_RANK[role] > 0) throw new AppError('APPROVER_TIER_TOO_LOW', { role: awaitingRole });
    throw new AppError('APPROVER_NOT_ALLOWED');
  }
  if (!approves && !reviews) throw new AppError('APPROVER_NOT_ALLOWED');
  const emergency = authority === 'emergency';
  const at = ctx.now.toISOString();

  await ctx.db
    .insertInto('approval_decision')
    .values({
      id: newId(),
      request_id: request.id,
      kind: decision.kind,
      approved: approves ? 1 : 0,
      reviewed: reviews ? 1 : 0,
      emergency: emergency ? 1 : 0,
      at_desk: decision.atDesk ? 1 : 0,
      decider_id: decider.id,
      decider_name: decider.display_name,
      decider_role: role,
      comment: decision.comment,
      created_at: at,
    })
    .execute();

  const update: Partial<ApprovalRequestRow> = { updated_at: at };
  if (decision.kind === 'reject') {
    Object.assign(update, { status: 'rejected', decided_at: at });
  } else {
    const awaiting_role = approves ? null : request.awaiting_role;
    const awaiting_review = reviews ? 0 : request.awaiting_review;
    Object.assign(update, { awaiting_role, awaiting_review });
    if (emergency) {
      const days = await loadPaperworkDays(ctx.db);
      Object.assign(update, {
        emergency: 1,
        paperwork_due_at: new Date(ctx.now.getTime() + days * 86_400_000).toISOString(),
      });
    }
    if (awaiting_role === null && awaiting_review === 0) {
      const result = await ctx.runApproved(
        request.operation,
        JSON.parse(request.input_json),
        newSession(await findStaff(ctx.db, request.requester_id), ctx.now, null),
        await heldApprovalOf(ctx.db, request.id),
      );
      Object.assign(
        update,
        result.ok
          ? { status: 'executed', decided_at: at, result_json: toJson(result.value ?? null) }
          : { status: 'failed', decided_at: at, error_code: result.error.code },
      );
    }
  }
  // Compare-and-set on the status: a second click finds the request no longer pending.
  const changed = await ctx.db
    .updateTable('approval_request')
    .set(update)
    .where('id', '=', request.id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (changed.numUpdatedRows !== 1n) throw new AppError('APPROVAL_NOT_PENDING');
  const after = await loadRequest(ctx.db, request.id);
  ctx.audit({
    entityType: 'approval_request',
    entityId: request.id,
    before: { status: request.status },
    after: { status: after.status, awaiting: after.awaiting, emergency: after.emergency },
  });
  return after;
}
