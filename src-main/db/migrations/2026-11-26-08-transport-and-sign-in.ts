/**
 * Frozen: the desk's link may be plain HTTP over a network only when an administrator chose
 * "insecure (lab only)" at enrolment (sync_state.allow_insecure); wrong passwords for usernames
 * the desk does not know are counted like a known account's (signin_failure), so the lockout
 * answers the same whether or not a name exists. Both stay on this desk; neither syncs.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sync_state')
    .addColumn('allow_insecure', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('signin_failure')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('failed_attempts', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
