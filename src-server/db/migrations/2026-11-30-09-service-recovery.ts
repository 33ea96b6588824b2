/**
 * Frozen: what desk migration 20 gave every desk, in the rows the server stores. Stored complaints
 * get the new columns (no co-owner, no sign-off, not waiting); `complaints.supervise` joins the
 * matrix for the approver roles; the approval rule holding `complaints.compensate` and the
 * default targets per severity are stored, so the server checks compensation against its own
 * policy and a joining desk receives what enrolled desks seeded for themselves.
 */
import type { Kysely } from 'kysely';
import { addColumnsToStoredRows, addSeededRows, type SeededRow } from './stored-rows';

const SUPERVISORS = ['supervisor', 'director', 'general_manager'];
const TARGETS: ReadonlyArray<readonly [string, number, string, number, string]> = [
  ['general', 5, 'working_days', 15, 'working_days'],
  ['major', 24, 'hours', 72, 'hours'],
  ['group', 2, 'hours', 48, 'hours'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await addColumnsToStoredRows(db, 'complaint', {
    co_owner_id: null,
    signed_off_by: null,
    signed_off_at: null,
    waiting_since: null,
  });
  const seeded: SeededRow[] = [
    ...SUPERVISORS.map((role) => ({
      table: 'role_permission',
      key: JSON.stringify([role, 'complaints.supervise']),
      data: { role, permission: 'complaints.supervise' },
      group: role,
    })),
    {
      table: 'approval_rule',
      key: 'complaints.compensate',
      data: {
        operation: 'complaints.compensate',
        needs_approval: 1,
        min_approver_role: 'supervisor',
        approval_min_fen: null,
        dual_review: 0,
        dual_review_min_fen: null,
      },
      group: null,
    },
    ...TARGETS.map(([severity, respondAmount, respondUnit, resolveAmount, resolveUnit]) => ({
      table: 'complaint_target',
      key: severity,
      data: {
        severity,
        respond_amount: respondAmount,
        respond_unit: respondUnit,
        resolve_amount: resolveAmount,
        resolve_unit: resolveUnit,
      },
      group: null,
    })),
  ];
  await addSeededRows(db, seeded);
}
