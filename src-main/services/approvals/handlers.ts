/** The approval engine's operations: request, approve at the desk, decide from the queue, paperwork, policy. */
import { newId } from '../made';
import {
  isOperationName,
  operations,
  type ApprovalRequest,
  type OperationDef,
  type OperationName,
} from '@shared/contract';
import { AppError } from '@shared/errors';
import { isPermission, isRole } from '@shared/permissions';
import { NO_REQUIREMENTS, requirementsFor, tiersAreValid } from '@shared/rules/approval-tiers';
import { checkCredentials, signerAfterPassword } from '../auth/credentials';
import { grantsOf, hasPermission } from '../permissions';
import { parseInput } from '../rpc/parse-input';
import type { HandlerMap, SignedInContext } from '../rpc/handler';
import { findStaff } from '../staff/staff-rows';
import { decide, deciderCapacity } from './decide';
import { APPROVABLE_OPERATIONS, describeHeld, isApprovable } from './held-operations';
import { summarizeHeld } from './held-summaries';
import { loadPaperworkDays, loadRule, loadRules, loadTiers, savePolicy } from './policy';
import { findRequestRow, loadRequest, withDecisions } from './requests';
import { toJson } from '@shared/json';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

async function pendingRows(ctx: SignedInContext) {
  return ctx.db
    .selectFrom('approval_request')
    .selectAll()
    .where('status', '=', 'pending')
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .limit(500)
    .execute();
}

/** Pending requests the signed-in person could decide now (not their own). */
async function decidableRows(ctx: SignedInContext) {
  const { session } = ctx;
  const grants = await grantsOf(ctx.db, session.role);
  return (await pendingRows(ctx)).filter((row) => {
    if (row.requester_id === session.staffId) return false;
    const { authority, reviews } = deciderCapacity(row, session.role, grants, true);
    return authority !== null || reviews;
  });
}

/** Emergency authorisations whose paperwork is not yet in; with `pastDueAt`, only those already past due then. */
function paperworkDue(db: Kysely<Database>, pastDueAt: Date | null) {
  const query = db.selectFrom('approval_request').where('emergency', '=', 1).where('paperwork_done_at', 'is', null);
  return pastDueAt === null ? query : query.where('paperwork_due_at', '<', pastDueAt.toISOString());
}

/** An operation the engine can hold, that the signed-in person may run themselves once approved. */
async function heldOperation(ctx: SignedInContext, operation: string): Promise<OperationDef & { name: OperationName }> {
  if (!isOperationName(operation) || !isApprovable(operation)) throw new AppError('NOT_APPROVABLE');
  const op: OperationDef = operations[operation];
  if (isPermission(op.access) && !(await hasPermission(ctx.db, ctx.session.role, op.access)))
    throw new AppError('PERMISSION_DENIED', { permission: op.access });
  return op as OperationDef & { name: OperationName };
}

async function policy(ctx: SignedInContext) {
  return {
    rules: await loadRules(ctx.db),
    tiers: await loadTiers(ctx.db),
    paperworkDays: await loadPaperworkDays(ctx.db),
    approvableOperations: APPROVABLE_OPERATIONS,
  };
}

export const approvalHandlers: HandlerMap<
  | 'approvals.request'
  | 'approvals.preview'
  | 'approvals.approveAtDesk'
  | 'approvals.decide'
  | 'approvals.completePaperwork'
  | 'approvals.list'
  | 'approvals.get'
  | 'approvals.counts'
  | 'approvals.policy'
  | 'approvals.setPolicy'
> = {
  'approvals.request': async (ctx, { operation, input: rawInput, reason }) => {
    const { session } = ctx;
    const op = await heldOperation(ctx, operation);
    const input = parseInput(op, rawInput, 'input.');
    const { subject, amountFen, exempt } = await describeHeld(ctx.db, op.name, input, ctx.now);
    const required = exempt
      ? NO_REQUIREMENTS
      : requirementsFor(await loadRule(ctx.db, operation), await loadTiers(ctx.db), amountFen, session.role);
    if (!required.approverRole && !required.dualReview) throw new AppError('APPROVAL_NOT_NEEDED');
    const at = ctx.now.toISOString();
    const id = newId();
    await ctx.db
      .insertInto('approval_request')
      .values({
        id,
        operation,
        input_json: toJson(input),
        subject_type: subject.type,
        subject_id: subject.id,
        subject_label: subject.label,
        amount_fen: amountFen,
        reason,
        requester_id: session.staffId,
        requester_name: session.displayName,
        requester_role: session.role,
        desk_id: ctx.device.id,
        status: 'pending',
        awaiting_role: required.approverRole,
        awaiting_review: required.dualReview ? 1 : 0,
        emergency: 0,
        paperwork_due_at: null,
        paperwork_done_at: null,
        paperwork_note: null,
        paperwork_overdue_logged: 0,
        error_code: null,
        result_json: null,
        created_at: at,
        decided_at: null,
        updated_at: at,
        server_version: null,
        deleted_at: null,
      })
      .execute();
    const request = await loadRequest(ctx.db, id);
    ctx.audit({
      entityType: 'approval_request',
      entityId: id,
      after: { operation, subject, amountFen, reason, awaiting: request.awaiting },
    });
    return request;
  },

  'approvals.preview': async (ctx, { operation, input: rawInput }) => {
    const op = await heldOperation(ctx, operation);
    const summary = await summarizeHeld(ctx.db, operation, parseInput(op, rawInput, 'input.'), {
      status: 'new',
      amountFen: null,
      decidedAt: null,
    });
    if (!summary) throw new AppError('NOT_FOUND');
    return summary;
  },

  'approvals.approveAtDesk': async (ctx, { requestId, username, password, emergency, comment }) => {
    const { session } = ctx;
    const request = await findRequestRow(ctx.db, requestId);
    // The approver comes to this desk for a request made here, by the person signed in.
    if (request.requester_id !== session.staffId) throw new AppError('APPROVER_NOT_ALLOWED');
    const approver = await checkCredentials(ctx, username, password);
    // The approver typed their password here: they sign the decision and what it lets run.
    ctx.signAs(await signerAfterPassword(ctx, approver, password));
    return decide(ctx, requestId, approver, { kind: 'approve', emergency, atDesk: true, comment });
  },

  'approvals.decide': async (ctx, { requestId, decision, emergency, comment }) => {
    const { session } = ctx;
    return decide(ctx, requestId, await findStaff(ctx.db, session.staffId), {
      kind: decision,
      emergency,
      atDesk: false,
      comment,
    });
  },

  'approvals.completePaperwork': async (ctx, { requestId, note }) => {
    const request = await findRequestRow(ctx.db, requestId);
    if (request.emergency !== 1 || request.paperwork_done_at !== null) throw new AppError('APPROVAL_NOT_PENDING');
    const at = ctx.now.toISOString();
    await ctx.db
      .updateTable('approval_request')
      .set({ paperwork_done_at: at, paperwork_note: note, updated_at: at })
      .where('id', '=', requestId)
      .execute();
    ctx.audit({
      entityType: 'approval_request',
      entityId: requestId,
      before: { paperworkDueAt: request.paperwork_due_at },
      after: { paperworkDoneAt: at, note },
    });
    return loadRequest(ctx.db, requestId);
  },

  'approvals.list': async (ctx, { view, overdueOnly, limit }) => {
    const { session } = ctx;
    const decider = await hasPermission(ctx.db, session.role, 'approvals.decide');
    let rows;
    if (view === 'toDecide') rows = await decidableRows(ctx);
    else if (view === 'paperwork' && decider) {
      rows = await paperworkDue(ctx.db, overdueOnly ? ctx.now : null)
        .selectAll()
        .orderBy('paperwork_due_at')
        .limit(limit)
        .execute();
    } else if (view === 'all' && decider) {
      rows = await ctx.db
        .selectFrom('approval_request')
        .selectAll()
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
    } else {
      rows = await ctx.db
        .selectFrom('approval_request')
        .selectAll()
        .where('requester_id', '=', session.staffId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
    }
    return withDecisions(ctx.db, rows.slice(0, limit));
  },

  'approvals.get': async (ctx, { requestId }) => {
    const { session } = ctx;
    const request: ApprovalRequest = await loadRequest(ctx.db, requestId);
    const visible =
      request.requester.id === session.staffId ||
      (await hasPermission(ctx.db, session.role, 'approvals.decide')) ||
      (await decidableRows(ctx)).some((r) => r.id === requestId);
    if (!visible) throw new AppError('PERMISSION_DENIED', { permission: 'approvals.decide' });
    return request;
  },

  'approvals.counts': async (ctx) => {
    const { session } = ctx;
    const toDecide = (await decidableRows(ctx)).length;
    if (!(await hasPermission(ctx.db, session.role, 'approvals.decide'))) return { toDecide, overduePaperwork: 0 };
    const { n } = await paperworkDue(ctx.db, ctx.now)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { toDecide, overduePaperwork: n };
  },

  'approvals.policy': (ctx) => policy(ctx),

  'approvals.setPolicy': async (ctx, { rules, tiers, paperworkDays }) => {
    const unknown = rules.find((rule) => !isApprovable(rule.operation));
    if (unknown) throw new AppError('POLICY_INVALID', { reason: unknown.operation });
    if (new Set(rules.map((r) => r.operation)).size !== rules.length)
      throw new AppError('POLICY_INVALID', { reason: 'duplicate' });
    if (!tiersAreValid(tiers)) throw new AppError('POLICY_INVALID', { reason: 'tiers' });
    if (rules.some((rule) => rule.minApproverRole !== null && !isRole(rule.minApproverRole)))
      throw new AppError('POLICY_INVALID', { reason: 'role' });
    const before = await policy(ctx);
    await savePolicy(ctx.db, rules, tiers, paperworkDays);
    const after = await policy(ctx);
    ctx.audit({ entityType: 'approval_policy', entityId: 'policy', before, after });
    return after;
  },
};
