/** The approval policy as stored: rules per operation, amount tiers, paperwork days. */
import type { Kysely } from 'kysely';
import { isRole, type Role } from '@shared/permissions';
import type { ApprovalRule, ApprovalTier } from '@shared/rules/approval-tiers';
import type { Database } from '../../db/schema';
import { readSetting, writeSetting } from '../settings/values';

function role(value: string | null): Role | null {
  return value !== null && isRole(value) ? value : null;
}

export async function loadTiers(db: Kysely<Database>): Promise<ApprovalTier[]> {
  const rows = await db.selectFrom('approval_tier').selectAll().orderBy('position').execute();
  return rows.map((row) => ({
    maxAmountFen: row.max_amount_fen,
    approverRole: role(row.approver_role) ?? 'general_manager',
  }));
}

export async function loadRules(db: Kysely<Database>): Promise<ApprovalRule[]> {
  const rows = await db.selectFrom('approval_rule').selectAll().orderBy('operation').execute();
  return rows.map((row) => ({
    operation: row.operation,
    needsApproval: row.needs_approval === 1,
    minApproverRole: role(row.min_approver_role),
    approvalMinFen: row.approval_min_fen,
    dualReview: row.dual_review === 1,
    dualReviewMinFen: row.dual_review_min_fen,
  }));
}

export async function loadRule(db: Kysely<Database>, operation: string): Promise<ApprovalRule | undefined> {
  return (await loadRules(db)).find((rule) => rule.operation === operation);
}

export async function loadPaperworkDays(db: Kysely<Database>): Promise<number> {
  return (await readSetting(db, 'approvals.paperworkDays')) ?? 3;
}

export async function savePolicy(
  db: Kysely<Database>,
  rules: readonly ApprovalRule[],
  tiers: readonly ApprovalTier[],
  paperworkDays: number,
): Promise<void> {
  await db.deleteFrom('approval_rule').execute();
  if (rules.length) {
    await db
      .insertInto('approval_rule')
      .values(
        rules.map((rule) => ({
          operation: rule.operation,
          needs_approval: rule.needsApproval ? 1 : 0,
          min_approver_role: rule.minApproverRole,
          approval_min_fen: rule.approvalMinFen,
          dual_review: rule.dualReview ? 1 : 0,
          dual_review_min_fen: rule.dualReviewMinFen,
        })),
      )
      .execute();
  }
  await db.deleteFrom('approval_tier').execute();
  await db
    .insertInto('approval_tier')
    .values(
      tiers.map((tier, i) => ({
        position: i + 1,
        max_amount_fen: tier.maxAmountFen,
        approver_role: tier.approverRole,
      })),
    )
    .execute();
  await writeSetting(db, 'approvals.paperworkDays', paperworkDays);
}
