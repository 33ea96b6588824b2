/** Row schemas of the approval engine: its policy (rules, amount tiers), the requests it holds and the decisions on them. */
import { z } from 'zod';
import { APPROVAL_STATUSES } from '../../contract';
import { ERROR_CODES } from '../../errors';
import { ROLES } from '../../permissions';
import {
  fen,
  flag,
  id,
  instant,
  integer,
  jsonText,
  JSON_MAX,
  name,
  operationName,
  serverVersion,
  snakeWord,
  text,
  TEXT,
} from './columns';
import { DECISION_KINDS } from './unions';

const role = z.enum(ROLES);

export const approvalRuleRow = z.strictObject({
  operation: operationName,
  needs_approval: flag,
  min_approver_role: role.nullable(),
  approval_min_fen: fen.nullable(),
  dual_review: flag,
  dual_review_min_fen: fen.nullable(),
});

export const approvalTierRow = z.strictObject({
  position: integer(1, 100),
  max_amount_fen: fen.nullable(),
  approver_role: role,
});

export const approvalRequestRow = z.strictObject({
  id,
  operation: operationName,
  input_json: jsonText(JSON_MAX.medium),
  subject_type: snakeWord,
  subject_id: id.nullable(),
  // e.g. "王芳 · 标准间 · 2026-12-01 → 2026-12-03"
  subject_label: text(TEXT.label),
  amount_fen: fen.nullable(),
  reason: text(TEXT.note, 1),
  requester_id: id,
  requester_name: name,
  requester_role: role,
  desk_id: id,
  status: z.enum(APPROVAL_STATUSES),
  awaiting_role: role.nullable(),
  awaiting_review: flag,
  emergency: flag,
  paperwork_due_at: instant.nullable(),
  paperwork_done_at: instant.nullable(),
  paperwork_note: text(TEXT.note).nullable(),
  paperwork_overdue_logged: flag,
  error_code: z.enum(ERROR_CODES).nullable(),
  result_json: jsonText(JSON_MAX.large).nullable(),
  created_at: instant,
  decided_at: instant.nullable(),
  updated_at: instant,
  server_version: serverVersion,
  deleted_at: instant.nullable(),
});

export const approvalDecisionRow = z.strictObject({
  id,
  request_id: id,
  kind: z.enum(DECISION_KINDS),
  approved: flag,
  reviewed: flag,
  emergency: flag,
  at_desk: flag,
  decider_id: id,
  decider_name: name,
  decider_role: role,
  comment: text(TEXT.note),
  created_at: instant,
});
