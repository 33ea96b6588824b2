/**
 * Frozen: the approval engine — policy (rules per operation, amount tiers), requests that hold an
 * operation, the decisions on them — and the grants of the new permissions for existing properties.
 */
import { sql, type Kysely } from 'kysely';

const NEW_GRANTS: [role: string, permission: string][] = [
  ['agent', 'guests.view'],
  ['agent', 'guests.delete'],
  ['service_rep', 'guests.view'],
  ['service_rep', 'guests.delete'],
  ...['supervisor', 'director', 'general_manager'].flatMap((role): [string, string][] => [
    [role, 'approvals.decide'],
    [role, 'guests.view'],
    [role, 'guests.delete'],
    [role, 'guests.export'],
  ]),
  ['director', 'audit.view'],
  ['director', 'backup.manage'],
  ['general_manager', 'audit.view'],
  ['general_manager', 'backup.manage'],
  ['admin', 'approvals.policy'],
  ['admin', 'guests.view'],
  ['admin', 'guests.delete'],
  ['admin', 'guests.export'],
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('approval_rule')
    .addColumn('operation', 'text', (c) => c.primaryKey())
    .addColumn('needs_approval', 'integer', (c) => c.notNull())
    .addColumn('min_approver_role', 'text')
    .addColumn('approval_min_fen', 'integer')
    .addColumn('dual_review', 'integer', (c) => c.notNull())
    .addColumn('dual_review_min_fen', 'integer')
    .execute();

  await db.schema
    .createTable('approval_tier')
    .addColumn('position', 'integer', (c) => c.primaryKey())
    .addColumn('max_amount_fen', 'integer')
    .addColumn('approver_role', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('approval_request')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('input_json', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text')
    .addColumn('subject_label', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('requester_role', 'text', (c) => c.notNull())
    .addColumn('desk_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('awaiting_role', 'text')
    .addColumn('awaiting_review', 'integer', (c) => c.notNull())
    .addColumn('emergency', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paperwork_due_at', 'text')
    .addColumn('paperwork_done_at', 'text')
    .addColumn('paperwork_note', 'text')
    .addColumn('paperwork_overdue_logged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('result_json', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .addColumn('deleted_at', 'text')
    .execute();
  await db.schema
    .createIndex('approval_request_status')
    .on('approval_request')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('approval_request_requester')
    .on('approval_request')
    .columns(['requester_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('approval_decision')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('approval_request.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('approved', 'integer', (c) => c.notNull())
    .addColumn('reviewed', 'integer', (c) => c.notNull())
    .addColumn('emergency', 'integer', (c) => c.notNull())
    .addColumn('at_desk', 'integer', (c) => c.notNull())
    .addColumn('decider_id', 'text', (c) => c.notNull())
    .addColumn('decider_name', 'text', (c) => c.notNull())
    .addColumn('decider_role', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('approval_decision_request').on('approval_decision').column('request_id').execute();

  // The procedures' defaults: < ¥100,000 a supervisor, ¥100,000–500,000 the director, above that the general manager.
  await db
    .insertInto('approval_tier')
    .values([
      { position: 1, max_amount_fen: 9_999_999, approver_role: 'supervisor' },
      { position: 2, max_amount_fen: 50_000_000, approver_role: 'director' },
      { position: 3, max_amount_fen: null, approver_role: 'general_manager' },
    ])
    .execute();
  // Deleting a guest profile and exporting guest data are high-risk: approval and a second person.
  await db
    .insertInto('approval_rule')
    .values([
      {
        operation: 'guests.delete',
        needs_approval: 1,
        min_approver_role: 'supervisor',
        approval_min_fen: null,
        dual_review: 1,
        dual_review_min_fen: null,
      },
      {
        operation: 'guests.export',
        needs_approval: 1,
        min_approver_role: 'director',
        approval_min_fen: null,
        dual_review: 1,
        dual_review_min_fen: null,
      },
    ])
    .execute();
  await db.insertInto('setting').values({ key: 'approvals.paperworkDays', value_json: '3' }).execute();

  for (const [role, permission] of NEW_GRANTS) {
    await sql`INSERT OR IGNORE INTO role_permission (role, permission)
      SELECT ${role}, ${permission} WHERE EXISTS (SELECT 1 FROM property)`.execute(db);
  }
}
