/**
 * Frozen: what each pending mutation was based on and what it overwrote. sync_root keeps the
 * latest version of every aggregate root the desk has pulled (a booking, a ticket order, a member,
 * the business day); an outbox row records the versions of the roots it wrote (bases_json) and the
 * rows as they were before it (befores_json), so the desk can undo it and run its intent again when
 * the server says another desk changed one of those roots first.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sync_root')
    .addColumn('root_key', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('outbox')
    .addColumn('bases_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('outbox')
    .addColumn('befores_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}
