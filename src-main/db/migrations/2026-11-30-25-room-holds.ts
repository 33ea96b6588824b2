/**
 * Frozen: a room's hold sequence. Every operation that changes who holds a room for some nights
 * (a pre-assignment, a check-in, a move, a change of a stay that has a room) adds one to it, so the
 * room's row is written and sync orders those operations as it orders every write to one
 * aggregate root. The server lays it over the rows it stores by its own migration 14.
 */
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen against an untyped database
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('room')
    .addColumn('hold_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
