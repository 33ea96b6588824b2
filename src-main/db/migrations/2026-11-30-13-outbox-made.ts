/**
 * Frozen: what each pending mutation's handler made — ids and human numbers, in order — so that
 * running its intent again on a rebase makes the very same ones.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('outbox')
    .addColumn('made_json', 'text', (c) => c.notNull().defaultTo('{"ids":[],"numbers":[]}'))
    .execute();
}
