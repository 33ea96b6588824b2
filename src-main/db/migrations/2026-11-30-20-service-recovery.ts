/**
 * Frozen: service recovery on complaint tickets. A major complaint takes a supervisor as co-owner
 * (a group complaint a director), who signs its resolution off; the clock pauses while waiting on
 * the guest; a group complaint carries its response plan as a checklist; compensation is written
 * once its approval is through. Deadlines are counted from targets per severity (data) on the
 * working calendar, which admins correct day by day. Satisfaction call-backs are tasks of their
 * own. `complaints.supervise` is granted to the approver roles; the server grants it in its stored
 * matrix by its own migration (09), so the grant is not a change for the desk to send.
 */
import { sql, type Kysely } from 'kysely';
import { captureChanges, grantOnExistingProperty } from './capture';

/** severity, respond, resolve: "5+X" for a general complaint, hours for the others. */
const TARGETS: ReadonlyArray<readonly [string, number, string, number, string]> = [
  ['general', 5, 'working_days', 15, 'working_days'],
  ['major', 24, 'hours', 72, 'hours'],
  ['group', 2, 'hours', 48, 'hours'],
];

const CAPTURED: ReadonlyArray<readonly [table: string, key: string]> = [
  ['complaint_target', 'severity'],
  ['working_day_correction', 'date'],
  ['complaint_plan_item', 'id'],
  ['complaint_compensation', 'id'],
  ['callback', 'id'],
];

const SUPERVISORS = ['supervisor', 'director', 'general_manager'];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaint').addColumn('co_owner_id', 'text').execute();
  await db.schema.alterTable('complaint').addColumn('signed_off_by', 'text').execute();
  await db.schema.alterTable('complaint').addColumn('signed_off_at', 'text').execute();
  await db.schema.alterTable('complaint').addColumn('waiting_since', 'text').execute();
  await db.schema.createIndex('complaint_co_owner').on('complaint').columns(['co_owner_id', 'status']).execute();
  await db.schema.createIndex('complaint_guest').on('complaint').columns(['guest_id']).execute();
  await db.schema.createIndex('complaint_booking').on('complaint').columns(['booking_id']).execute();
  // The list of every ticket, newest first, reads its page from here rather than sorting them all.
  await db.schema.createIndex('complaint_opened').on('complaint').columns(['opened_at', 'id']).execute();

  await db.schema
    .createTable('complaint_target')
    .addColumn('severity', 'text', (c) => c.primaryKey())
    .addColumn('respond_amount', 'integer', (c) => c.notNull())
    .addColumn('respond_unit', 'text', (c) => c.notNull())
    .addColumn('resolve_amount', 'integer', (c) => c.notNull())
    .addColumn('resolve_unit', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('complaint_target')
    .values(
      TARGETS.map(([severity, respondAmount, respondUnit, resolveAmount, resolveUnit]) => ({
        severity,
        respond_amount: respondAmount,
        respond_unit: respondUnit,
        resolve_amount: resolveAmount,
        resolve_unit: resolveUnit,
      })),
    )
    .execute();

  await db.schema
    .createTable('working_day_correction')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('working', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('complaint_plan_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by', 'text')
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema
    .createIndex('complaint_plan_item_complaint')
    .on('complaint_plan_item')
    .columns(['complaint_id', 'position'])
    .execute();

  await db.schema
    .createTable('complaint_compensation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('complaint_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('member_id', 'text')
    .addColumn('payment_id', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('given_at', 'text', (c) => c.notNull())
    .addColumn('given_by', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema
    .createIndex('complaint_compensation_complaint')
    .on('complaint_compensation')
    .columns(['complaint_id'])
    .execute();

  await db.schema
    .createTable('callback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('guest_id', 'text')
    .addColumn('booking_id', 'text')
    .addColumn('complaint_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('first_attempt_at', 'text')
    .addColumn('last_attempt_at', 'text')
    .addColumn('last_outcome', 'text')
    .addColumn('call_again_at', 'text')
    .addColumn('score', 'integer')
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('done_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema.createIndex('callback_due').on('callback').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('callback_guest').on('callback').columns(['guest_id']).execute();

  // After the seed, so the targets every desk seeds alike are not queued as a change.
  await captureChanges(db, CAPTURED);

  await grantOnExistingProperty(
    db,
    SUPERVISORS.map((role) => [role, 'complaints.supervise'] as const),
  );

  await db
    .insertInto('approval_rule')
    .values({
      operation: 'complaints.compensate',
      needs_approval: 1,
      min_approver_role: 'supervisor',
      approval_min_fen: null,
      dual_review: 0,
      dual_review_min_fen: null,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await sql`DELETE FROM sync_touched WHERE table_name = 'approval_rule' AND row_key = 'complaints.compensate'`.execute(
    db,
  );
}
