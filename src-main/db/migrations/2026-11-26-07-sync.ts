/**
 * Frozen: sync with the central server. Outbox rows carry the rows their mutation wrote
 * (captured by triggers into sync_touched), who ran it and under which approval; the desk keeps
 * its connection state, the server's refusals, other desks' audit entries (outside the local
 * hash chain) and the conflicts the server raises.
 */
import { sql, type Kysely } from 'kysely';

/**
 * The synced tables as of this migration and their key columns. A touched key is (re)inserted
 * with a new rowid, so a mutation takes exactly the keys touched since it began.
 */
const CAPTURED: ReadonlyArray<readonly [table: string, key: readonly string[]]> = [
  ['property', ['id']],
  ['staff', ['id']],
  ['role_permission', ['role', 'permission']],
  ['setting', ['key']],
  ['room_type', ['id']],
  ['room', ['id']],
  ['guest', ['id']],
  ['approval_rule', ['operation']],
  ['approval_tier', ['position']],
  ['approval_request', ['id']],
  ['approval_decision', ['id']],
  ['rate_plan', ['id']],
  ['rate_plan_price', ['id']],
  ['closed_date', ['date']],
  ['booking', ['id']],
  ['booking_night', ['booking_id', 'night']],
  ['booking_change', ['id']],
  ['payment', ['id']],
  ['ticket_product', ['id']],
  ['ticket_slot', ['id']],
  ['ticket_order', ['id']],
  ['ticket_visitor', ['id']],
  ['cancellation', ['id']],
  ['member_tier', ['code']],
  ['member', ['id']],
  ['points_entry', ['id']],
  ['care_task', ['member_id', 'kind', 'period']],
  ['audit_log', ['id']],
  ['sync_conflict', ['id']],
];

const NEW_GRANTS: ReadonlyArray<readonly [role: string, permission: string]> = [
  ['admin', 'sync.manage'],
  ['admin', 'conflicts.resolve'],
  ['supervisor', 'conflicts.resolve'],
  ['director', 'conflicts.resolve'],
  ['general_manager', 'conflicts.resolve'],
];

function keyExpression(row: 'NEW' | 'OLD', key: readonly string[]): string {
  return key.length === 1
    ? `CAST(${row}.${key[0]} AS TEXT)`
    : `json_array(${key.map((c) => `${row}.${c}`).join(', ')})`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outbox')
    .addColumn('effects_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.alterTable('outbox').addColumn('actor_id', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('approval_id', 'text').execute();

  await db.schema
    .createTable('sync_state')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn('server_url', 'text')
    .addColumn('property_id', 'text')
    .addColumn('cursor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enrolled_at', 'text')
    .addColumn('last_sync_at', 'text')
    .execute();
  await db.insertInto('sync_state').values({ id: 1 }).execute();

  await db.schema
    .createTable('sync_touched')
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('row_key', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_touched_pk', ['table_name', 'row_key'])
    .execute();

  await db.schema
    .createTable('sync_rejection')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_remote')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('operation', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text')
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_remote_device_seq').on('audit_remote').columns(['device_id', 'seq']).execute();

  await db.schema
    .createTable('sync_conflict')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolution_note', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_by_name', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer')
    .execute();
  await db.schema.createIndex('sync_conflict_subject').on('sync_conflict').columns(['subject_id', 'status']).execute();

  for (const [table, key] of CAPTURED) {
    for (const [event, row] of [
      ['INSERT', 'NEW'],
      ['UPDATE', 'NEW'],
      ['DELETE', 'OLD'],
    ] as const) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_sync_${event.toLowerCase()} AFTER ${event} ON ${table}
           BEGIN INSERT OR REPLACE INTO sync_touched (table_name, row_key) VALUES ('${table}', ${keyExpression(row, key)}); END`,
        )
        .execute(db);
    }
  }

  for (const [role, permission] of NEW_GRANTS) {
    await sql`INSERT OR IGNORE INTO role_permission (role, permission)
      SELECT ${role}, ${permission} WHERE EXISTS (SELECT 1 FROM property)`.execute(db);
  }
}
