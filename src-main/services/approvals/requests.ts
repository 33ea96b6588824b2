/** Approval requests as stored, read back as the contract's ApprovalRequest with their decisions. */
import type { Kysely } from 'kysely';
import type { ApprovalDecision, ApprovalRequest, ApprovalSummary } from '@shared/contract';
import { AppError } from '@shared/errors';
import { isRole, type Role } from '@shared/permissions';
import type { ApprovalDecisionRow, ApprovalRequestRow, Database } from '../../db/schema';
import { fromJson } from '@shared/json';
import { summarizeHeld } from './held-summaries';

const asRole = (value: string): Role => (isRole(value) ? value : 'agent');

function toDecision(row: ApprovalDecisionRow): ApprovalDecision {
  return {
    id: row.id,
    kind: row.kind === 'reject' ? 'reject' : 'approve',
    approved: row.approved === 1,
    reviewed: row.reviewed === 1,
    emergency: row.emergency === 1,
    atDesk: row.at_desk === 1,
    decider: { id: row.decider_id, name: row.decider_name, role: asRole(row.decider_role) },
    comment: row.comment,
    at: row.created_at,
  };
}

export function toRequest(
  row: ApprovalRequestRow,
  decisions: ApprovalDecisionRow[],
  summary: ApprovalSummary | null = null,
): ApprovalRequest {
  return {
    id: row.id,
    operation: row.operation,
    subject: { type: row.subject_type, id: row.subject_id, label: row.subject_label },
    amountFen: row.amount_fen,
    summary,
    reason: row.reason,
    requester: { id: row.requester_id, name: row.requester_name, role: asRole(row.requester_role) },
    deskId: row.desk_id,
    status: row.status,
    awaiting: {
      approverRole: row.awaiting_role === null ? null : asRole(row.awaiting_role),
      dualReview: row.awaiting_review === 1,
    },
    emergency: row.emergency === 1,
    paperworkDueAt: row.paperwork_due_at,
    paperworkDoneAt: row.paperwork_done_at,
    errorCode: row.error_code,
    createdAt: row.created_at,
    decidedAt: row.decided_at,
    decisions: decisions.map(toDecision),
  };
}

export async function findRequestRow(db: Kysely<Database>, id: string): Promise<ApprovalRequestRow> {
  const row = await db
    .selectFrom('approval_request')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** What the request shows its approver, read from its input and the desk's rows now. */
function summaryOf(db: Kysely<Database>, row: ApprovalRequestRow): Promise<ApprovalSummary | null> {
  return summarizeHeld(db, row.operation, fromJson(row.input_json), {
    status: row.status,
    amountFen: row.amount_fen,
    decidedAt: row.decided_at,
  });
}

/** Reads requests with their decisions in two queries, and each one's summary. */
export async function withDecisions(db: Kysely<Database>, rows: ApprovalRequestRow[]): Promise<ApprovalRequest[]> {
  if (rows.length === 0) return [];
  const decisions = await db
    .selectFrom('approval_decision')
    .selectAll()
    .where(
      'request_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('created_at')
    .execute();
  const summaries: (ApprovalSummary | null)[] = [];
  for (const row of rows) summaries.push(await summaryOf(db, row));
  return rows.map((row, index) =>
    toRequest(
      row,
      decisions.filter((d) => d.request_id === row.id),
      summaries[index] ?? null,
    ),
  );
}

/** One request with its decisions and, once executed, the held operation's result. */
export async function loadRequest(db: Kysely<Database>, id: string): Promise<ApprovalRequest> {
  const row = await findRequestRow(db, id);
  const [request] = await withDecisions(db, [row]);
  return { ...request!, result: row.result_json === null ? null : fromJson(row.result_json) };
}

/** Who approved a request, as a held operation records them beside its audit entry. */
export async function heldApprovalOf(
  db: Kysely<Database>,
  requestId: string,
): Promise<{ requestId: string; deciders: { id: string; name: string; role: string; emergency: boolean }[] }> {
  const deciders = await db
    .selectFrom('approval_decision')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('kind', '=', 'approve')
    .execute();
  return {
    requestId,
    deciders: deciders.map((d) => ({
      id: d.decider_id,
      name: d.decider_name,
      role: d.decider_role,
      emergency: d.emergency === 1,
    })),
  };
}
