/**
 * Frozen: members, their tiers (data), the append-only points ledger, care tasks, the loyalty
 * policy, and the rule that holds manual point adjustments for approval with dual review.
 */
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('member_tier')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull().unique())
    .addColumn('min_spend_fen', 'integer', (c) => c.notNull())
    .addColumn('min_nights', 'integer', (c) => c.notNull())
    .addColumn('earn_percent', 'integer', (c) => c.notNull())
    .addColumn('discount_percent', 'integer', (c) => c.notNull())
    .execute();
  await db
    .insertInto('member_tier')
    .values([
      {
        code: 'standard',
        name: '普通',
        rank: 0,
        min_spend_fen: 0,
        min_nights: 0,
        earn_percent: 100,
        discount_percent: 0,
      },
      {
        code: 'silver',
        name: '银卡',
        rank: 1,
        min_spend_fen: 500_000,
        min_nights: 10,
        earn_percent: 120,
        discount_percent: 5,
      },
      {
        code: 'gold',
        name: '金卡',
        rank: 2,
        min_spend_fen: 2_000_000,
        min_nights: 30,
        earn_percent: 150,
        discount_percent: 10,
      },
      {
        code: 'platinum',
        name: '铂金',
        rank: 3,
        min_spend_fen: 5_000_000,
        min_nights: 60,
        earn_percent: 200,
        discount_percent: 15,
      },
    ])
    .execute();

  await db.schema
    .createTable('member')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('guest_id', 'text', (c) => c.notNull().unique().references('guest.id'))
    .addColumn('member_no', 'text', (c) => c.notNull().unique())
    .addColumn('card_no', 'text', (c) => c.unique())
    .addColumn('tier_code', 'text', (c) => c.notNull().references('member_tier.code'))
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('birthday', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .execute();

  await db.schema
    .createTable('points_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('booking_id', 'text', (c) => c.references('booking.id'))
    .addColumn('reverses_id', 'text', (c) => c.references('points_entry.id'))
    .addColumn('earned_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    // pending: made on this desk and not yet confirmed by the server (the sync issue decides).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('desk_id', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('staff_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema.createIndex('points_entry_member').on('points_entry').columns(['member_id', 'created_at']).execute();
  await db.schema.createIndex('points_entry_booking').on('points_entry').column('booking_id').execute();
  // Append-only: only the sync may confirm a pending entry (status, server_version); nothing is deleted.
  await sql`CREATE TRIGGER points_entry_no_update BEFORE UPDATE OF id, member_id, kind, points, booking_id, reverses_id, earned_on, expires_on, note, desk_id, staff_id, staff_name, created_at ON points_entry
    BEGIN SELECT RAISE(ABORT, 'points_entry is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER points_entry_no_delete BEFORE DELETE ON points_entry
    BEGIN SELECT RAISE(ABORT, 'points_entry is append-only'); END`.execute(db);

  await db.schema
    .createTable('care_task')
    .addColumn('member_id', 'text', (c) => c.notNull().references('member.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addColumn('done_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('care_task_pk', ['member_id', 'kind', 'period'])
    .execute();

  await db
    .insertInto('setting')
    .values({
      key: 'members.policy',
      value_json: JSON.stringify({
        pointValueFen: 1,
        validityMonths: 24,
        nonEarningChannels: ['ota'],
        offlineRedeemCapPoints: 50_000,
        qualifyingPeriod: 'rolling',
      }),
    })
    .execute();
  await db
    .insertInto('approval_rule')
    .values({
      operation: 'members.adjust',
      needs_approval: 1,
      min_approver_role: 'supervisor',
      approval_min_fen: null,
      dual_review: 1,
      dual_review_min_fen: null,
    })
    .execute();
}
